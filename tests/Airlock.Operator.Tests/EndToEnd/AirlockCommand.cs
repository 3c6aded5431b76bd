using System.Diagnostics;
using Airlock.Testing;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>Runs the built <c>bin/airlock</c> (or <c>kubectl airlock</c> through the plugin link); skips when it is not built.</summary>
public static class AirlockCommand
{
    public static async Task<KubectlResult> RunAsync(params string[] args) => await RunAsync(TestPaths.AirlockBinary, args);

    /// <summary><c>kubectl airlock ARGS</c> with bin/ on the PATH, as a user with the plugin installed runs it.</summary>
    public static async Task<KubectlResult> KubectlPluginAsync(params string[] args)
    {
        var bin = Path.GetDirectoryName(TestPaths.AirlockBinary)!;
        if (!File.Exists(Path.Combine(bin, "kubectl-airlock"))) Assert.Ignore("bin/kubectl-airlock is not built (make build)");
        return await RunAsync(Kubectl.Binary, ["airlock", .. args], bin);
    }

    private static async Task<KubectlResult> RunAsync(string binary, string[] args, string? pathPrefix = null)
    {
        if (binary == TestPaths.AirlockBinary && !File.Exists(binary)) Assert.Ignore("bin/airlock is not built (make build)");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (pathPrefix is not null) start.Environment["PATH"] = pathPrefix + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return new KubectlResult(process.ExitCode, await stdout, await stderr, args);
    }
}
