using System.Text.Json.Nodes;
using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

/// <summary>Least privilege: no wildcard anywhere, the exact verbs the code uses, and no Secret access.</summary>
[TestFixture]
public sealed class RbacTests
{
    private static IEnumerable<TestCaseData> Roles() =>
        ValueSets.Names.SelectMany(set => ValueSets.Render(set).Where(m => m.Kind is "ClusterRole" or "Role")
            .Select(m => new TestCaseData(m).SetArgDisplayNames(set, m.Kind, m.Name)));

    [TestCaseSource(nameof(Roles))]
    public void Role_has_no_wildcard(Manifest role)
    {
        RbacRules.Wildcards(role).Should().BeEmpty();
    }

    [Test]
    public void Wildcard_check_finds_a_star_in_any_field()
    {
        var role = new Manifest(JsonNode.Parse("""
            {"kind":"ClusterRole","metadata":{"name":"bad"},"rules":[
              {"apiGroups":[""],"resources":["pods"],"verbs":["*"]},
              {"apiGroups":["*"],"resources":["x"],"verbs":["get"]},
              {"apiGroups":[""],"resources":["pods/*"],"verbs":["get"]},
              {"nonResourceURLs":["/metrics/*"],"verbs":["get"]}]}
            """)!.AsObject());

        RbacRules.Wildcards(role).Should().HaveCount(4);
    }

    [Test]
    public void Operator_cluster_role_grants_exactly_what_the_operator_calls()
    {
        var role = ValueSets.Render("default").Single(m => m.Kind == "ClusterRole" && m.Name == "airlock-operator");

        RbacRules.Grants(role).Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["agents.airlock.dev/agenttasks"] = ["get", "list", "watch", "patch"],
            ["agents.airlock.dev/agenttasks/status"] = ["get", "patch"],
            ["agents.airlock.dev/agenttasks/finalizers"] = ["update"],
            ["agents.airlock.dev/clusteragentpolicies"] = ["get", "list", "watch"],
            ["/namespaces"] = ["get", "list", "watch"],
            ["/pods"] = ["get", "list", "watch", "create", "delete"],
            ["/serviceaccounts"] = ["get", "list", "watch", "create", "patch", "delete"],
            ["/configmaps"] = ["get", "list", "watch", "create", "patch", "delete"],
            ["networking.k8s.io/networkpolicies"] = ["get", "list", "watch", "create", "patch", "delete"],
            ["rbac.authorization.k8s.io/roles"] = ["get", "list", "watch", "create", "patch", "delete", "escalate", "bind"],
            ["rbac.authorization.k8s.io/rolebindings"] = ["get", "list", "watch", "create", "patch", "delete"],
            ["/events"] = ["create"],
            ["authorization.k8s.io/subjectaccessreviews"] = ["create"],
        });
    }

    [Test]
    public void Leader_election_role_is_limited_to_the_operator_lease()
    {
        var role = ValueSets.Render("default").Single(m => m.Kind == "Role" && m.Name == "airlock-operator-leader-election");

        role.Namespace.Should().Be("airlock-system");
        var named = role.Root["rules"]!.AsArray().Single(r => r!["resourceNames"] is not null)!;
        named["resourceNames"]!.AsArray().Select(n => (string?)n).Should().Equal("airlock-operator");
        named["verbs"]!.AsArray().Select(v => (string?)v).Should().BeEquivalentTo("get", "update");
    }

    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void No_airlock_component_may_read_secrets(string valueSet)
    {
        var roles = ValueSets.Render(valueSet).Where(m => m.Kind is "ClusterRole" or "Role" && m.Name.StartsWith("airlock-", StringComparison.Ordinal));

        roles.SelectMany(r => RbacRules.Grants(r).Keys).Should().NotContain("/secrets");
    }

    [TestCase("airlock-gateway", "authentication.k8s.io/tokenreviews")]
    [TestCase("airlock-egress", "authentication.k8s.io/tokenreviews")]
    [TestCase("airlock-egress", "authorization.k8s.io/subjectaccessreviews")]
    public void Proxy_role_may_create_reviews(string roleName, string resource)
    {
        var role = ValueSets.Render("default").Single(m => m.Kind == "ClusterRole" && m.Name == roleName);

        RbacRules.Grants(role)[resource].Should().Equal("create");
    }
}
