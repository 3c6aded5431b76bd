using System.Diagnostics;
using Airlock.Operator.Governance.Quarantine;
using Airlock.Runtime.Events;
using Airlock.Runtime.Metrics;

namespace Airlock.Operator.Tests.Governance;

public class QuarantineMetricsTests
{
    [Test]
    public async Task The_refusal_counter_passes_promtool_check_metrics()
    {
        var promtool = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists);
        if (promtool is null) Assert.Ignore("promtool is not installed (apt-get install prometheus); CI installs it.");
        var registry = Prometheus.Metrics.NewCustomRegistry();
        new QuarantineMetrics(registry).Refused("agents", "EgressDenialsRepeated", SignalSealProblem.Missing);
        var text = await RuntimeMetrics.ExportTextAsync(registry);

        using var process = Process.Start(new ProcessStartInfo(promtool, "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        (process.ExitCode, output, text.Contains("airlock_operator_anomaly_signals_refused_total{", StringComparison.Ordinal)).Should().Be((0, "", true));
    }
}
