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

    public static TestCluster Cluster => _cluster ?? throw new InvalidOperationException("the end-to-end set-up did not run");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await TestCluster.SharedAsync();
        await ClusterPrerequisites.EnsureAsync(_cluster.Client);
        _host = await StartOperatorAsync(await ClusterPrerequisites.OperatorClientAsync(_cluster));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await TestCluster.DisposeSharedAsync();
    }

    /// <summary>An operator with test-friendly settings: no health port, and (when asked) a short Lease.</summary>
    public static async Task<OperatorHost> StartOperatorAsync(IKubernetes client, bool leaderElection = false, string? identity = null)
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
        };
        var host = new OperatorHost(client, settings, TestLogging.Factory);
        await host.StartAsync();
        return host;
    }
}
