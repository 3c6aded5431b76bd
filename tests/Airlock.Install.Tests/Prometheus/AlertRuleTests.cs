using System.Text.Json.Nodes;
using Airlock.Install.Tests.Helm;
using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Prometheus;

/// <summary>config/prometheus/alert-rules.yaml: valid, unit-tested by promtool, and what the chart renders.</summary>
[TestFixture]
public sealed class AlertRuleTests
{
    private const string RuleFile = "config/prometheus/alert-rules.yaml";

    private static string Promtool => Tool.OnPath("promtool", "apt-get install prometheus");

    [Test]
    public void Rules_pass_promtool_check()
    {
        var result = Tool.Run(Promtool, ["check", "rules", Golden.RepoPath(RuleFile)]);

        result.Succeeded.Should().BeTrue(result.ToString());
    }

    [Test]
    public void Rules_pass_their_promtool_unit_tests()
    {
        var result = Tool.Run(Promtool, ["test", "rules", "alert-rules.test.yaml"], workingDirectory: Golden.RepoPath("config/prometheus"));

        result.Succeeded.Should().BeTrue(result.ToString());
        result.Stdout.Should().Contain("SUCCESS");
    }

    [TestCase("AirlockOperatorDown")]
    [TestCase("AirlockReconcileErrors")]
    [TestCase("AirlockWorkQueueBackingUp")]
    [TestCase("AirlockGatewayErrors")]
    [TestCase("AirlockBudgetExhaustionSpike")]
    [TestCase("AirlockEgressDenialSpike")]
    [TestCase("AirlockTaskQuarantined")]
    public void Required_alert_exists_and_has_a_unit_test(string alert)
    {
        File.ReadAllText(Golden.RepoPath(RuleFile)).Should().Contain($"alert: {alert}\n");
        File.ReadAllText(Golden.RepoPath("config/prometheus/alert-rules.test.yaml")).Should().Contain($"alertname: {alert}\n");
    }

    [Test]
    public void Chart_prometheus_rule_holds_exactly_the_rule_file()
    {
        var rule = ValueSets.Render("ha").Single(m => m.Kind == "PrometheusRule");
        var file = Manifest.ParseYaml(File.ReadAllText(Golden.RepoPath(RuleFile)))!;

        JsonNode.DeepEquals(rule.At("spec.groups"), file["groups"]).Should().BeTrue();
    }

    [Test]
    public void Every_metric_the_rules_query_is_known()
    {
        var exprs = Manifest.ParseYaml(File.ReadAllText(Golden.RepoPath(RuleFile)))!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).Select(r => (string)r!["expr"]!);

        exprs.SelectMany(PromQl.MetricNames).Should().OnlyContain(m => KnownMetrics.All.Contains(m));
    }
}
