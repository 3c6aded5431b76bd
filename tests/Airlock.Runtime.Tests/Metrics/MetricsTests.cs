using System.Diagnostics;
using Airlock.Runtime.Controllers;
using Airlock.Runtime.Leadership;
using Airlock.Runtime.Metrics;
using Airlock.Runtime.Queue;
using Prometheus;

namespace Airlock.Runtime.Tests.Metrics;

public class MetricsTests
{
    private static async Task<string> PopulatedAsync()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        _ = new ControllerMetrics("agenttask", registry);
        var queue = new RateLimitingQueue<string>(metrics: new WorkQueueMetrics("agenttask", registry));
        queue.Add("a");
        var item = await queue.GetAsync();
        queue.AddRateLimited("b");
        queue.Done(item.Item);
        queue.ShutDown();
        _ = new LeaderElection(new FakeLock(new FakeLockRecord(), "a"), new LeaderElectionOptions { LeaseName = "airlock" }, registry: registry);
        return await RuntimeMetrics.ExportTextAsync(registry);
    }

    [TestCase("workqueue_depth")]
    [TestCase("workqueue_adds_total")]
    [TestCase("workqueue_retries_total")]
    [TestCase("workqueue_queue_duration_seconds")]
    [TestCase("workqueue_work_duration_seconds")]
    [TestCase("workqueue_unfinished_work_seconds")]
    [TestCase("workqueue_longest_running_processor_seconds")]
    [TestCase("controller_runtime_reconcile_total")]
    [TestCase("controller_runtime_reconcile_errors_total")]
    [TestCase("controller_runtime_reconcile_time_seconds")]
    [TestCase("controller_runtime_active_workers")]
    [TestCase("controller_runtime_max_concurrent_reconciles")]
    [TestCase("leader_election_master_status")]
    public async Task The_metric_is_exported_under_its_dashboard_name(string name)
    {
        var text = await PopulatedAsync();

        text.Should().Contain("# TYPE " + name + " ");
    }

    [Test]
    public async Task Every_reconcile_result_label_is_exported_from_the_start()
    {
        var text = await PopulatedAsync();

        foreach (var result in new[] { "success", "error", "requeue", "requeue_after" })
        {
            text.Should().Contain($"controller_runtime_reconcile_total{{controller=\"agenttask\",result=\"{result}\"}} 0");
        }
    }

    [Test]
    public async Task The_exported_metrics_pass_promtool_check()
    {
        var promtool = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists);
        if (promtool is null) Assert.Ignore("promtool is not installed (apt-get install prometheus); CI installs it.");
        var text = await PopulatedAsync();

        using var process = Process.Start(new ProcessStartInfo(promtool, "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, output);
        output.Should().BeEmpty();
    }
}
