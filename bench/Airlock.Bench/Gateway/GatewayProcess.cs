using System.Net;
using Airlock.Bench.Hosting;

namespace Airlock.Bench.Gateway;

/// <summary>The gateway as a child process (<c>airlock-bench gateway-host</c>) with its SQLite audit log in <see cref="StateDir"/>.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly LoggedProcess _process;

    private GatewayProcess(LoggedProcess process, Uri address, string stateDir)
    {
        _process = process;
        Address = address;
        StateDir = stateDir;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>: agents use <c>{Address}v1</c>.</summary>
    public Uri Address { get; }

    public string StateDir { get; }

    public int Pid => _process.Pid;

    public static async Task<GatewayProcess> StartAsync(string kubeconfig, Uri provider, string keyFile, string stateDir, string logName, int port = 0,
        IReadOnlyList<string>? flags = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(stateDir);
        port = port == 0 ? FreePort.Next() : port;
        var bench = typeof(GatewayProcess).Assembly.Location;
        var process = LoggedProcess.Start("dotnet", [bench, "gateway-host", "--kubeconfig", kubeconfig, "--listen", $"127.0.0.1:{port}",
            "--provider", $"openai={new Uri(provider, "v1")}", "--provider-key-file", $"openai={keyFile}", "--state-dir", stateDir, .. flags ?? []],
            Path.Combine(Path.GetDirectoryName(stateDir)!, logName + ".log"));
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}/"), stateDir);
        using var probe = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"the gateway exited with {process.ExitCode}: {process.ReadLog()}");
            try
            {
                using var response = await probe.GetAsync(new Uri(gateway.Address, "v1/models"), cancellationToken).ConfigureAwait(false);
                return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the gateway to listen", TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        return gateway;
    }

    public void Kill() => _process.Kill();

    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync() => await _process.DisposeAsync().ConfigureAwait(false);
}
