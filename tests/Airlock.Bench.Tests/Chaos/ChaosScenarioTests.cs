using System.Globalization;
using Airlock.Bench.Chaos;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Tests.Chaos;

/// <summary>
/// The chaos scenario end to end with small counts and every fault of <c>make chaos</c>: write errors among 500, 429 and 409,
/// jittered latency, watches cut every few seconds and answered with 410 Gone on resume, and the leader SIGKILLed
/// mid-burst. Only invariants are judged: no task lost, no second pod, no orphan, nothing left after the TTL.
/// </summary>
[NonParallelizable]
public sealed class ChaosScenarioTests
{
    [Test]
    public async Task Thirty_tasks_through_every_fault_and_a_leader_kill_keep_every_invariant()
    {
        var binary = BuiltAirlock.Require();
        var options = new ChaosOptions
        {
            Tasks = 30,
            CreateRate = 5,
            LeaderKills = 1,
            GatewayRequests = 0,
            WriteErrorCodes = [500, 429, 409],
            WatchDropInterval = TimeSpan.FromSeconds(3),
            // Thirty tasks make a few hundred changes: a short history also expires some resumes on its own.
            WatchHistorySize = 40,
            TtlSeconds = 4,
            SettleTimeout = TimeSpan.FromMinutes(2),
        };
        var figures = new Figures();

        var ok = await new ChaosScenario(options, binary, BuiltAirlock.StateDir("chaos"), new Progress(TestContext.Out)).RunAsync(figures, CancellationToken.None);

        figures.All.Where(kv => kv.Key.StartsWith("chaos.", StringComparison.Ordinal)).Should().Contain(
        [
            new("chaos.tasks", "30"), new("chaos.lost", "0"), new("chaos.duplicate_pods", "0"), new("chaos.orphans", "0"),
            new("chaos.uncleaned", "0"), new("chaos.leader_failovers", "1"),
        ]);
        ok.Should().BeTrue();
        TestContext.Out.WriteLine($"resumes refused: {figures.Get("chaos.watch_resumes_refused")}, relists after 410: {figures.Get("chaos.operator_relists_after_410")}");
        // Every cut watch's resumption is refused with 410 Gone (WatchResumeGone), so the operators must have relisted.
        long.Parse(figures.Get("chaos.watch_resumes_refused") ?? "0", CultureInfo.InvariantCulture).Should().BePositive();
        long.Parse(figures.Get("chaos.operator_relists_after_410") ?? "0", CultureInfo.InvariantCulture).Should().BePositive();
    }
}
