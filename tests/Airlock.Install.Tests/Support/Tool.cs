using System.Diagnostics;
using Airlock.Testing;

namespace Airlock.Install.Tests.Support;

/// <summary>Runs the real tools (helm, kubectl, promtool, lua5.1) from the repository root.</summary>
public static class Tool
{
    /// <summary>A guard against a hung tool, not a performance expectation.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    /// <param name="environment">Variables to set (a null value removes one) on top of this process's environment.</param>
    public static ToolResult Run(
        string executable, IEnumerable<string> args, string? stdin = null, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory ?? TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        var command = $"{Path.GetFileName(executable)} {string.Join(' ', info.ArgumentList)}";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(Guard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {Guard}");
        }
        return new ToolResult(command, process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>The path of a tool on the PATH; fails the test with how to install it when it is missing.</summary>
    public static string OnPath(string name, string howToInstall)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"{name} is not on the PATH; {howToInstall}");
        return name;
    }
}
