using Airlock.Runtime.Controllers;
using Airlock.Runtime.Informers;
using Airlock.Runtime.Leadership;
using k8s.Models;

namespace Airlock.Runtime.Tests.Controllers;

public class ControllerManagerTests
{
    [Test]
    public async Task A_follower_syncs_its_informers_but_does_not_reconcile()
    {
        var record = new FakeLockRecord
        {
            Record = new k8s.LeaderElection.LeaderElectionRecord
            {
                HolderIdentity = "someone-else",
                LeaseDurationSeconds = 3600,
                AcquireTime = DateTime.UtcNow,
                RenewTime = DateTime.UtcNow,
            }
        };
        var sources = new FakeListWatchProvider();
        sources.Source<V1ConfigMap>().SetList("1", Objects.ConfigMap("task", "1"));
        await using var informers = new SharedInformerFactory(sources);
        var reconciler = new ScriptedReconciler<V1ConfigMap>();
        var controller = ControllerBuilder.Create("follower", informers).For<V1ConfigMap>()
            .WithMetrics(Prometheus.Metrics.NewCustomRegistry()).Build(reconciler);
        var election = new LeaderElection(
            new FakeLock(record, "me"),
            new LeaderElectionOptions { LeaseName = "x", Identity = "me", LeaseDuration = TimeSpan.FromHours(1) },
            registry: Prometheus.Metrics.NewCustomRegistry());
        var manager = new ControllerManager(informers, [controller], election);
        using var stop = new CancellationTokenSource();

        var running = manager.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => manager.IsReady, "the follower's informers sync");

        manager.IsLeader.Should().BeFalse();
        reconciler.Seen.Should().BeEmpty();
        await stop.CancelAsync();
        await running.WaitAsync(Eventually.Deadline);
    }
}
