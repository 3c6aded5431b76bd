using Airlock.Runtime.Leadership;
using k8s;

namespace Airlock.Runtime.Tests.Leadership;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class LeaseLeaderElectionIntegrationTests
{
    [Test]
    public async Task A_follower_takes_over_the_real_lease_when_the_leader_stops()
    {
        await using var cluster = await TestCluster.StartAsync();
        var ns = await cluster.CreateNamespaceAsync();
        var registry = Prometheus.Metrics.NewCustomRegistry();
        LeaderElectionOptions Options(string id) => new()
        {
            LeaseNamespace = ns,
            LeaseName = "operator",
            Identity = id,
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var a = LeaderElection.ForLease(cluster.Client, Options("a"), registry: registry);
        var b = LeaderElection.ForLease(cluster.Client, Options("b"), registry: registry);
        var bLed = false;
        var runningA = a.RunAsync(ct => Task.Delay(Timeout.Infinite, ct), stopA.Token);
        await Eventually.TrueAsync(() => a.IsLeader, "a acquires the lease");
        var runningB = b.RunAsync(ct => { bLed = true; return Task.CompletedTask; }, stopB.Token);

        await stopA.CancelAsync();
        await runningA.WaitAsync(Eventually.Deadline);

        await Eventually.TrueAsync(() => bLed, "b leads after a released the lease");
        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("operator", ns);
        lease.Spec.HolderIdentity.Should().Be("b");
        await stopB.CancelAsync();
        await runningB.WaitAsync(Eventually.Deadline);
    }
}
