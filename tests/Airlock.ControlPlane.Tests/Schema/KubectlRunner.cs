using System.Diagnostics;

namespace Airlock.ControlPlane.Tests.Schema;

/// <summary>Runs the real kubectl against a loopback server with a throwaway kubeconfig and cache directory.</summary>
public sealed class KubectlRunner : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("airlock-schema-kubectl-").FullName;

    public KubectlRunner(string serverUrl)
    {
        File.WriteAllText(Kubeconfig, $$$"""
            apiVersion: v1
            kind: Config
            clusters: [{name: stub, cluster: {server: "{{{serverUrl}}}"}}]
            users: [{name: stub, user: {token: stub}}]
            contexts: [{name: stub, context: {cluster: stub, user: stub, namespace: default}}]
            current-context: stub
            """);
    }

    private string Kubeconfig => Path.Combine(_dir, "kubeconfig");

    public static bool IsAvailable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "kubectl")));

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public (int ExitCode, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Concat(["--kubeconfig", Kubeconfig, "--cache-dir", Path.Combine(_dir, "cache")]))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kubectl " + string.Join(' ', args));
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
