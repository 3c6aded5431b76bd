using Airlock.Egress.Audit;
using Airlock.Operator.Hosting;
using Airlock.Testing;
using k8s;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>
/// One cluster (local, or <c>AIRLOCK_TEST_KUBECONFIG</c>) and one operator for the end-to-end tests of this namespace.
/// Tests that count requests or run their own operators start a private cluster instead.
/// </summary>
[SetUpFixture]
public sealed class OperatorSetUp
{
    private static OperatorHost? _host;
    private static TestCluster? _cluster;

    /// <summary>The shared operator (its webhooks serve the shared cluster when it is local).</summary>
    public static OperatorHost Host => _host ?? throw new InvalidOperationException("the end-to-end set-up did not run");

    /// <summary>The in-process anomaly stream the shared operator subscribes to (a gateway hosted alongside would publish here).</summary>
    public static TestAnomalySource Anomalies { get; } = new();

    /// <summary>The audit log the shared operator records quarantines in.</summary>
    public static MemoryAuditLog Audit { get; } = new();

    public static TestCluster Cluster => _cluster ?? throw new InvalidOperationException("the end-to-end set-up did not run");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await TestCluster.SharedAsync();
        await ClusterPrerequisites.EnsureAsync(_cluster.Client);
        _host = await StartOperatorAsync(await ClusterPrerequisites.OperatorClientAsync(_cluster), webhooks: _cluster.IsLocal);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await TestCluster.DisposeSharedAsync();
    }

    /// <summary>An operator with test-friendly settings: no health port, and (when asked) a short Lease.</summary>
    /// <param name="webhooks">Serve the admission webhooks on a loopback port and register them by URL (local control plane only).</param>
    public static async Task<OperatorHost> StartOperatorAsync(IKubernetes client, bool leaderElection = false, string? identity = null, bool webhooks = false)
    {
        var settings = new OperatorSettings
        {
            SystemNamespace = ClusterPrerequisites.SystemNamespace,
            HealthAddress = null,
            LeaderElection = leaderElection,
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(500),
            Identity = identity ?? "test-operator-" + Guid.NewGuid().ToString("N")[..6],
            WebhookAddress = webhooks ? "127.0.0.1:0" : null,
            WebhookRegistration = WebhookRegistration.Url,
            AnomalySources = [Anomalies],
            Audit = Audit,
        };
        var host = new OperatorHost(client, settings, TestLogging.Factory);
        await host.StartAsync();
        return host;
    }
}
