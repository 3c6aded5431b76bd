using System.Text.Json.Nodes;
using Airlock.ControlPlane.Admission;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Tests.Admission;

public class WebhookRulesTests
{
    private static JsonObject Rule(string operations = "CREATE", string groups = "", string versions = "v1", string resources = "pods", string? scope = null)
    {
        var rule = new JsonObject
        {
            ["operations"] = new JsonArray(operations.Split(',').Select(s => (JsonNode?)s).ToArray()),
            ["apiGroups"] = new JsonArray(groups.Split(',').Select(s => (JsonNode?)s).ToArray()),
            ["apiVersions"] = new JsonArray(versions.Split(',').Select(s => (JsonNode?)s).ToArray()),
            ["resources"] = new JsonArray(resources.Split(',').Select(s => (JsonNode?)s).ToArray()),
        };
        if (scope is not null) rule["scope"] = scope;
        return rule;
    }

    private static AdmissionAttributes Request(string operation = "CREATE", ResourceType? type = null, string subresource = "", string? ns = "team-a") =>
        new(operation, type ?? BuiltinResources.Pods, subresource, ns, "x", null, null, Webhooks.Alice, false);

    [TestCase("CREATE", true)]
    [TestCase("UPDATE", false)]
    [TestCase("*", true)]
    [TestCase("UPDATE,CREATE", true)]
    public void Operations_match_exactly_or_by_star(string operations, bool matches) =>
        WebhookRules.Matches(Rule(operations: operations), Request()).Should().Be(matches);

    [TestCase("", "v1", true)]
    [TestCase("*", "*", true)]
    [TestCase("apps", "v1", false)]
    [TestCase("", "v2", false)]
    public void Groups_and_versions_match_exactly_or_by_star(string groups, string versions, bool matches) =>
        WebhookRules.Matches(Rule(groups: groups, versions: versions), Request()).Should().Be(matches);

    [TestCase("pods", "", true)]
    [TestCase("pods", "status", false)]
    [TestCase("pods/status", "status", true)]
    [TestCase("pods/status", "", false)]
    [TestCase("pods/*", "status", true)]
    [TestCase("pods/*", "", true)]
    [TestCase("*", "", true)]
    [TestCase("*", "status", false)]
    [TestCase("*/*", "status", true)]
    [TestCase("*/status", "status", true)]
    [TestCase("configmaps", "", false)]
    public void Resources_and_subresources_match_like_the_api_server(string resources, string subresource, bool matches) =>
        WebhookRules.Matches(Rule(resources: resources), Request(subresource: subresource)).Should().Be(matches);

    [TestCase("Namespaced", "team-a", true)]
    [TestCase("Namespaced", null, false)]
    [TestCase("Cluster", null, true)]
    [TestCase("Cluster", "team-a", false)]
    [TestCase("*", "team-a", true)]
    public void Scope_limits_to_namespaced_or_cluster_requests(string scope, string? ns, bool matches) =>
        WebhookRules.Matches(Rule(groups: "*", resources: "*", scope: scope), Request(ns: ns)).Should().Be(matches);

    [Test]
    public void No_rules_match_nothing() => WebhookRules.AnyMatches(null, Request()).Should().BeFalse();
}
