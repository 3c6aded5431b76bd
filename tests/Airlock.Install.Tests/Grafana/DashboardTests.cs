using System.Text.Json.Nodes;
using Airlock.Install.Tests.Helm;
using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Grafana;

/// <summary>config/grafana/airlock-dashboard.json parses and queries only metrics the components export.</summary>
[TestFixture]
public sealed class DashboardTests
{
    private static JsonNode Dashboard => JsonNode.Parse(File.ReadAllText(Golden.RepoPath("config/grafana/airlock-dashboard.json")))!;

    private static IEnumerable<string> Expressions(JsonNode dashboard) =>
        dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]?.AsArray() ?? []).Select(t => (string)t!["expr"]!);

    [Test]
    public void Dashboard_is_json_with_a_uid_and_panels()
    {
        var dashboard = Dashboard;

        ((string?)dashboard["uid"]).Should().Be("airlock-overview");
        dashboard["panels"]!.AsArray().Should().NotBeEmpty();
    }

    [Test]
    public void Every_metric_the_dashboard_queries_is_known()
    {
        var metrics = Expressions(Dashboard).SelectMany(PromQl.MetricNames).ToList();

        metrics.Should().NotBeEmpty();
        metrics.Should().OnlyContain(m => KnownMetrics.All.Contains(m));
    }

    [TestCase("airlock-operator")]
    [TestCase("airlock-gateway")]
    [TestCase("airlock-egress")]
    public void Dashboard_covers_each_component(string job)
    {
        Expressions(Dashboard).Should().Contain(e => e.Contains($"job=\"{job}\"", StringComparison.Ordinal));
    }

    [Test]
    public void Panel_ids_are_unique()
    {
        var ids = Dashboard["panels"]!.AsArray().Select(p => (int)p!["id"]!).ToList();

        ids.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Chart_dashboard_config_map_holds_the_same_json()
    {
        var cm = ValueSets.Render("ha").Single(m => m.Kind == "ConfigMap" && m.Name == "airlock-dashboard");

        JsonNode.DeepEquals(JsonNode.Parse((string)cm.Root["data"]!["airlock.json"]!), Dashboard).Should().BeTrue();
    }
}
