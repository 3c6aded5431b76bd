using System.Diagnostics;

namespace Airlock.Testing;

/// <summary>Runs the real <c>kubectl</c> (or <c>$KUBECTL</c>) against one kubeconfig, optionally as another context or identity.</summary>
public sealed class Kubectl(string kubeconfig, IReadOnlyList<string> identityArgs, string cacheDir)
{
    private readonly string _kubeconfig = kubeconfig;
    private readonly IReadOnlyList<string> _identityArgs = identityArgs;
    private readonly string _cacheDir = cacheDir;

    public static string Binary => Environment.GetEnvironmentVariable("KUBECTL") is { Length: > 0 } k ? k : "kubectl";

    public static TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public Task<KubectlResult> RunAsync(params string[] args) => RunAsync(args, null);

    /// <summary>Runs kubectl with <paramref name="args"/>, writing <paramref name="stdin"/> to its standard input when given.</summary>
    public async Task<KubectlResult> RunAsync(IEnumerable<string> args, string? stdin, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(_kubeconfig);
        start.ArgumentList.Add("--cache-dir");
        start.ArgumentList.Add(_cacheDir);
        foreach (var a in _identityArgs) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["KUBECONFIG"] = _kubeconfig;
        start.Environment.Remove("KUBECTL_EXTERNAL_DIFF");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Binary);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new KubectlResult(-1, await stdout, await stderr + $"\n(kubectl timed out after {timeout ?? DefaultTimeout})", args.ToList());
        }
        return new KubectlResult(process.ExitCode, await stdout, await stderr, args.ToList());
    }

    /// <summary>Starts a long-running kubectl (e.g. <c>get -w</c>); the caller reads its output and disposes it.</summary>
    public KubectlProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--kubeconfig", _kubeconfig, "--cache-dir", _cacheDir }.Concat(_identityArgs).Concat(args)) start.ArgumentList.Add(a);
        return new KubectlProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start " + Binary));
    }
}
