using System.Globalization;
using Airlock.Bench.Hosting;
using Airlock.Bench.Operator;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Tests.Operator;

/// <summary>The operator benchmark with small counts: every figure is measured and the runs complete (no timing asserted).</summary>
[NonParallelizable]
public sealed class OperatorBenchmarkTests
{
    private static readonly string[] Keys =
    [
        "operator.tasks_per_second", "operator.raw_write_limit_tasks_per_second", "operator.throughput_ratio", "operator.burst_seconds",
        "operator.throughput_ratio_min", "operator.throughput_ratio_max",
        "operator.p50_ms", "operator.p99_ms", "operator.api_requests_per_task", "operator.rss_mb_10k_tasks",
    ];

    [Test]
    public async Task Two_rounds_of_twenty_task_bursts_yield_every_operator_figure()
    {
        var binary = BuiltAirlock.Require();
        var options = new OperatorBenchOptions
        {
            BurstTasks = 20,
            Rounds = 2,
            WarmupTasks = 5,
            SteadyRate = 5,
            SteadyDuration = TimeSpan.FromSeconds(2),
            IdleWindow = TimeSpan.FromSeconds(2),
            MemoryTasks = 40,
        };
        var figures = new Figures();
        await using var cluster = await BenchCluster.StartAsync(BuiltAirlock.StateDir("operator"));

        await new OperatorBenchmark(cluster, binary, options, new Progress(TestContext.Out)).RunAsync(figures, CancellationToken.None);

        foreach (var key in Keys)
        {
            double.TryParse(figures.Get(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var value).Should().BeTrue($"{key} is measured");
            value.Should().BePositive($"{key} is measured");
        }
        figures.Get("operator.idle_writes_per_minute").Should().NotBeNull();
        figures.Get("operator.steady_not_running").Should().Be("0");
        figures.Get("operator.rounds").Should().Be("2");
    }
}
