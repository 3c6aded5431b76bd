using System.Diagnostics;

namespace Airlock.Cli.Commands;

/// <summary>Runs the real kubectl (<c>$KUBECTL</c> or <c>kubectl</c> on the PATH) against the demo's kubeconfig.</summary>
internal sealed class DemoKubectl(string kubeconfig, string cacheDir)
{
    public static string Binary => Environment.GetEnvironmentVariable("KUBECTL") is { Length: > 0 } k ? k : "kubectl";

    public async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--kubeconfig", kubeconfig, "--cache-dir", cacheDir }.Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new DemoStepException($"could not start {Binary}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>Runs kubectl and returns its output; a non-zero exit fails the step.</summary>
    public async Task<string> RunCheckedAsync(CancellationToken cancellationToken, params string[] args)
    {
        var (code, output) = await RunAsync(args, cancellationToken);
        if (code != 0) throw new DemoStepException($"kubectl {string.Join(' ', args)} exited {code}: {output.Trim()}");
        return output;
    }
}
