using System.Diagnostics;
using Airlock.Gateway.Tests.Support;
using Airlock.Runtime.Metrics;

namespace Airlock.Gateway.Tests.Metrics;

[NonParallelizable]
public sealed class GatewayMetricsTests
{
    [Test]
    public async Task Metrics_after_real_calls_pass_promtool_check_metrics()
    {
        if (!File.Exists("/usr/bin/promtool")) Assert.Ignore("promtool is not installed; skipping the metrics lint");
        await using var harness = await GatewayHarness.StartAsync(o => o with { MetricsPort = 0 });
        var agent = await harness.CreateAgentAsync(new Api.Tasks.ModelAccess { Provider = "openai", MaxTotalTokens = 18 });
        (await harness.ChatAsync(agent)).Dispose();
        (await harness.ChatAsync(agent)).Dispose();
        var text = await harness.Http.GetStringAsync(new Uri(harness.Gateway.MetricsAddress!, "/metrics"));

        var info = new ProcessStartInfo("/usr/bin/promtool", "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var promtool = Process.Start(info)!;
        await promtool.StandardInput.WriteAsync(text);
        promtool.StandardInput.Close();
        var problems = await promtool.StandardError.ReadToEndAsync() + await promtool.StandardOutput.ReadToEndAsync();
        await promtool.WaitForExitAsync();

        (promtool.ExitCode, problems, text.Contains("airlock_gateway_anomaly_signals_total", StringComparison.Ordinal)).Should().Be((0, "", true));
    }

    [Test]
    public async Task The_series_of_the_documented_contract_are_exported_with_their_labels()
    {
        await using var harness = await GatewayHarness.StartAsync(o => o with { MetricsPort = 0 });
        var agent = await harness.CreateAgentAsync(new Api.Tasks.ModelAccess { Provider = "openai", MaxTotalTokens = 18 });
        (await harness.ChatAsync(agent, content: "use sk-abcdefghijklmnopqrstuvwx123456")).Dispose();
        (await harness.ChatAsync(agent)).Dispose();
        var text = await harness.Http.GetStringAsync(new Uri(harness.Gateway.MetricsAddress!, "/metrics"));

        text.Should().Contain("airlock_gateway_requests_total{route=\"chat.completions\",provider=\"openai\",model=\"gpt-test\",code=\"200\"}")
            .And.Contain("airlock_gateway_request_duration_seconds_bucket")
            .And.Contain($"airlock_gateway_tokens_total{{namespace=\"{agent.Namespace}\",provider=\"openai\",model=\"gpt-test\",kind=\"prompt\"}}")
            .And.Contain($"airlock_gateway_refusals_total{{namespace=\"{agent.Namespace}\",reason=\"budget_exhausted\"}}")
            .And.Contain("airlock_gateway_guardrail_findings_total{kind=\"secret\",action=\"flag\"}");
    }

    [Test]
    public async Task The_registry_is_not_the_runtime_default()
    {
        await using var harness = await GatewayHarness.StartAsync();

        harness.Gateway.Metrics.Registry.Should().NotBeSameAs(RuntimeMetrics.Registry);
    }
}
