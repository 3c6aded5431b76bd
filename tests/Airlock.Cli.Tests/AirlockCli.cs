using System.Diagnostics;
using Airlock.Testing;

namespace Airlock.Cli.Tests;

/// <summary>Runs the built <c>bin/airlock</c> (or <c>$AIRLOCK_BIN</c>) as a user would.</summary>
public static class AirlockCli
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] args)
    {
        var binary = TestPaths.AirlockBinary;
        if (!File.Exists(binary)) Assert.Ignore($"{binary} is not built (make build, or set AIRLOCK_BIN)");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"airlock {string.Join(' ', args)} did not finish within {timeout}\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Writes <paramref name="yaml"/> to a temporary file and returns its path.</summary>
    public static string WriteTemp(string yaml)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("airlock-cli-").FullName, "manifest.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
