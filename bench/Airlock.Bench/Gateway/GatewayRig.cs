using Airlock.Bench.Hosting;

namespace Airlock.Bench.Gateway;

/// <summary>
/// Everything the gateway figures and the gateway chaos need: a control plane, the stand-in provider, a provider key
/// file, the gateway's kubeconfig (its own service account) and one agent with a token.
/// </summary>
public sealed class GatewayRig : IAsyncDisposable
{
    private GatewayRig(BenchCluster cluster, StandInProvider provider, string kubeconfig, string keyFile, string token, string stateDir)
    {
        Cluster = cluster;
        Provider = provider;
        Kubeconfig = kubeconfig;
        KeyFile = keyFile;
        Token = token;
        StateDir = stateDir;
    }

    public BenchCluster Cluster { get; }

    public StandInProvider Provider { get; }

    public string Kubeconfig { get; }

    public string KeyFile { get; }

    /// <summary>The agent's bearer token.</summary>
    public string Token { get; }

    public string StateDir { get; }

    public static async Task<GatewayRig> StartAsync(string stateDir, CancellationToken cancellationToken)
    {
        var cluster = await BenchCluster.StartAsync(stateDir, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            var provider = await StandInProvider.StartAsync().ConfigureAwait(false);
            var kubeconfig = await cluster.WriteServiceAccountKubeconfigAsync("airlock-gateway", cancellationToken).ConfigureAwait(false);
            var keyFile = Path.Combine(stateDir, "openai.key");
            await File.WriteAllTextAsync(keyFile, "sk-bench-not-a-real-key\n", cancellationToken).ConfigureAwait(false);
            await cluster.CreateNamespaceAsync("agents", cancellationToken).ConfigureAwait(false);
            var token = await AgentIdentity.CreateAsync(cluster.Admin, "agents", "caller", cancellationToken).ConfigureAwait(false);
            return new GatewayRig(cluster, provider, kubeconfig, keyFile, token, stateDir);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts a gateway (audit log in <paramref name="auditDir"/>) and waits until the agent's calls go through.</summary>
    public Task<GatewayProcess> StartGatewayAsync(string auditDir, string logName, int port = 0, CancellationToken cancellationToken = default) =>
        StartGatewayAsync(auditDir, logName, [], port, cancellationToken);

    /// <summary>The same with more <c>gateway-host</c> flags (<c>--guardrails off</c>, <c>--audit-durability power-loss</c>).</summary>
    public async Task<GatewayProcess> StartGatewayAsync(string auditDir, string logName, IReadOnlyList<string> flags, int port = 0, CancellationToken cancellationToken = default)
    {
        var gateway = await GatewayProcess.StartAsync(Kubeconfig, Provider.Address, KeyFile, auditDir, logName, port, flags, cancellationToken).ConfigureAwait(false);
        using var calls = new ModelCalls(gateway.Address, Token, 1);
        await Poll.UntilAsync(() => calls.TryCall("warm-up") == System.Net.HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the gateway to accept the agent",
            TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync().ConfigureAwait(false);
        await Cluster.DisposeAsync().ConfigureAwait(false);
    }
}
