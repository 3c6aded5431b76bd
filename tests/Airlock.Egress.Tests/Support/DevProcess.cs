using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Airlock.Testing;
using k8s;

namespace Airlock.Egress.Tests.Support;

/// <summary>
/// <c>airlock dev</c> as a user runs it: the built binary in its own process with its own state directory, ready once
/// <c>endpoints.json</c> appears; stopped with SIGTERM.
/// </summary>
public sealed class DevProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _state;
    private readonly Task<string> _stderr;

    private DevProcess(Process process, string state, Task<string> stderr, IKubernetes client, IPEndPoint proxy)
    {
        _process = process;
        _state = state;
        _stderr = stderr;
        Client = client;
        ProxyEndpoint = proxy;
    }

    /// <summary>A client with the dev kubeconfig (an administrator).</summary>
    public IKubernetes Client { get; }

    /// <summary>Where the dev egress proxy listens (<c>egressProxy</c> of endpoints.json).</summary>
    public IPEndPoint ProxyEndpoint { get; }

    /// <summary>Starts <c>airlock dev</c> with <c>--egress-resolve</c> for each entry of <paramref name="resolve"/>; ignores the test when the binary is not built.</summary>
    public static async Task<DevProcess> StartAsync(IReadOnlyDictionary<string, string> resolve)
    {
        var binary = TestPaths.AirlockBinary;
        if (!File.Exists(binary)) Assert.Ignore($"{binary} is not built (make build, or set AIRLOCK_BIN)");
        var state = Directory.CreateTempSubdirectory("airlock-dev-egress-").FullName;
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "dev", "--state-dir", state }) start.ArgumentList.Add(a);
        foreach (var (host, ip) in resolve)
        {
            start.ArgumentList.Add("--egress-resolve");
            start.ArgumentList.Add($"{host}={ip}");
        }
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var endpointsPath = Path.Combine(state, "endpoints.json");
        await Eventually.UntilAsync(() => Task.FromResult(File.Exists(endpointsPath) || process.HasExited), "airlock dev to write endpoints.json", TimeSpan.FromSeconds(90));
        if (process.HasExited) Assert.Fail($"airlock dev exited with {process.ExitCode}: {await stderr}");
        var endpoints = JsonNode.Parse(await File.ReadAllTextAsync(endpointsPath))!;
        var proxy = new Uri(endpoints["egressProxy"]!.GetValue<string>());
        var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(state, "kubeconfig")));
        return new DevProcess(process, state, stderr, client, new IPEndPoint(IPAddress.Parse(proxy.Host), proxy.Port));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(deadline.Token);
        await _stderr;
        _process.Dispose();
        Directory.Delete(_state, recursive: true);
    }
}
