using Airlock.Runtime.Leadership;
using Airlock.Runtime.Metrics;
using Prometheus;

namespace Airlock.Runtime.Tests.Leadership;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class LeaderElectionTests : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeLockRecord _record = new();
    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static LeaderElectionOptions Fast(string identity) => new()
    {
        LeaseName = "test",
        Identity = identity,
        // The lease record stores whole seconds, so one second is the shortest lease.
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromSeconds(1),
        RetryPeriod = TimeSpan.FromMilliseconds(100),
    };

    private sealed class Candidate
    {
        public required LeaderElection Election { get; init; }

        public required FakeLock Lock { get; init; }

        public int Terms;

        public volatile bool Working;

        public Task Running = Task.CompletedTask;
    }

    private Candidate Start(string identity, CancellationToken? token = null, LeaderElectionOptions? options = null)
    {
        var fake = new FakeLock(_record, identity);
        var candidate = new Candidate { Election = new LeaderElection(fake, options ?? Fast(identity), registry: _registry), Lock = fake };
        candidate.Running = candidate.Election.RunAsync(
            async ct =>
            {
                Interlocked.Increment(ref candidate.Terms);
                candidate.Working = true;
                try { await Task.Delay(Timeout.Infinite, ct); }
                catch (OperationCanceledException) { }
                finally { candidate.Working = false; }
            },
            token ?? _stop.Token);
        return candidate;
    }

    [Test]
    public async Task The_first_candidate_leads_and_runs_the_work()
    {
        var a = Start("a");

        await Eventually.TrueAsync(() => a.Working, "a runs the work");
        a.Election.IsLeader.Should().BeTrue();
        _record.Holder.Should().Be("a");
    }

    [Test]
    public async Task A_follower_does_not_run_the_work_while_the_leader_renews()
    {
        var a = Start("a");
        await Eventually.TrueAsync(() => a.Working, "a leads");

        var b = Start("b");
        await Eventually.TrueAsync(() => b.Election.CurrentLeader == "a", "b sees a as the leader");

        b.Terms.Should().Be(0);
        b.Election.IsLeader.Should().BeFalse();
    }

    [Test]
    public async Task A_leader_that_cannot_renew_stops_working_and_a_follower_takes_over()
    {
        var a = Start("a");
        await Eventually.TrueAsync(() => a.Working, "a leads");
        var b = Start("b");
        await Eventually.TrueAsync(() => b.Election.CurrentLeader == "a", "b follows");

        a.Lock.Reachable = false;

        await Eventually.TrueAsync(() => !a.Working, "a stops reconciling when it cannot renew");
        await Eventually.TrueAsync(() => b.Working, "b takes over once the lease expires");
        _record.Holder.Should().Be("b");
    }

    [Test]
    public async Task A_stopped_leader_releases_the_lease_for_a_quick_hand_over()
    {
        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var slow = Fast("a") with { LeaseDuration = TimeSpan.FromHours(1) };
        var a = Start("a", stopA.Token, slow);
        await Eventually.TrueAsync(() => a.Working, "a leads");
        var b = Start("b");
        await Eventually.TrueAsync(() => b.Election.CurrentLeader == "a", "b follows");

        await stopA.CancelAsync();
        await a.Running.WaitAsync(Eventually.Deadline);

        await Eventually.TrueAsync(() => b.Working, "b takes over without waiting an hour");
    }

    [Test]
    public async Task With_exit_on_loss_the_election_ends_when_leadership_is_lost()
    {
        var a = Start("a", options: Fast("a") with { ExitOnLoss = true });
        await Eventually.TrueAsync(() => a.Working, "a leads");

        a.Lock.Reachable = false;

        await a.Running.WaitAsync(Eventually.Deadline);
        a.Working.Should().BeFalse();
    }

    [Test]
    public void A_lease_shorter_than_a_second_is_refused()
    {
        var options = Fast("a") with { LeaseDuration = TimeSpan.FromMilliseconds(500), RenewDeadline = TimeSpan.FromMilliseconds(100) };

        FluentActions.Invoking(() => new LeaderElection(new FakeLock(_record, "a"), options, registry: _registry))
            .Should().Throw<ArgumentException>().WithMessage("*whole seconds*");
    }

    [Test]
    public async Task The_leader_reports_master_status_one()
    {
        var a = Start("a");
        await Eventually.TrueAsync(() => a.Working, "a leads");

        var text = await RuntimeMetrics.ExportTextAsync(_registry);

        text.Should().Contain("leader_election_master_status{name=\"test\"} 1");
    }
}
