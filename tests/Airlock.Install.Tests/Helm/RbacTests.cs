using System.Text.Json.Nodes;
using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

/// <summary>Least privilege: no wildcard anywhere, the exact verbs the code uses, and Secrets only the operator's own, by name.</summary>
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
            // Informer, finalizer patch; quarantine: KubernetesTaskQuarantiner, checked by the validating webhook.
            ["agents.airlock.dev/agenttasks"] = ["get", "list", "watch", "patch", "quarantine"],
            ["agents.airlock.dev/agenttasks/status"] = ["get", "patch"],
            ["agents.airlock.dev/agenttasks/finalizers"] = ["update"],
            ["agents.airlock.dev/clusteragentpolicies"] = ["get", "list", "watch"],
            // PolicyStatusReconciler.
            ["agents.airlock.dev/clusteragentpolicies/status"] = ["get", "patch"],
            ["/namespaces"] = ["get", "list", "watch"],
            ["/pods"] = ["get", "list", "watch", "create", "delete"],
            ["/serviceaccounts"] = ["get", "list", "watch", "create", "patch", "delete"],
            ["/configmaps"] = ["get", "list", "watch", "create", "patch", "delete"],
            ["networking.k8s.io/networkpolicies"] = ["get", "list", "watch", "create", "patch", "delete"],
            ["rbac.authorization.k8s.io/roles"] = ["get", "list", "watch", "create", "patch", "delete", "escalate", "bind"],
            ["rbac.authorization.k8s.io/rolebindings"] = ["get", "list", "watch", "create", "patch", "delete"],
            // EventRecorder (create, patch a repeat); QuarantineController's Event informer (list, watch).
            ["/events"] = ["list", "watch", "create", "patch"],
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

    [Test]
    public void Operator_touches_webhook_configurations_only_when_it_provisions_their_certificate()
    {
        bool Grants(string valueSet) => ValueSets.Render(valueSet).Single(m => m.Kind == "ClusterRole" && m.Name == "airlock-operator")
            .Root["rules"]!.AsArray().Any(r => r!["apiGroups"]!.AsArray().Any(g => (string?)g == "admissionregistration.k8s.io"));

        new[] { Grants("default"), Grants("cert-manager"), Grants("operator-certs") }.Should().Equal(false, false, true);
    }

    [Test]
    public void Operator_patches_only_the_airlock_webhook_configurations()
    {
        var role = ValueSets.Render("operator-certs").Single(m => m.Kind == "ClusterRole" && m.Name == "airlock-operator");
        var rule = role.Root["rules"]!.AsArray().Single(r => r!["apiGroups"]!.AsArray().Any(g => (string?)g == "admissionregistration.k8s.io"))!;

        // WebhookRegistrar.PatchCaBundleAsync: read then JSON-patch each configuration named airlock.
        rule["resources"]!.AsArray().Select(n => (string?)n).Should().BeEquivalentTo("mutatingwebhookconfigurations", "validatingwebhookconfigurations");
        rule["resourceNames"]!.AsArray().Select(n => (string?)n).Should().Equal("airlock");
        rule["verbs"]!.AsArray().Select(n => (string?)n).Should().BeEquivalentTo("get", "patch");
    }

    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void No_cluster_role_grants_secrets(string valueSet)
    {
        var roles = ValueSets.Render(valueSet).Where(m => m.Kind == "ClusterRole" && m.Name.StartsWith("airlock-", StringComparison.Ordinal));

        roles.SelectMany(r => r.Root["rules"]!.AsArray()).Where(r => r!["resources"]!.AsArray().Any(x => (string?)x == "secrets")).Should().BeEmpty();
    }

    [TestCaseSource(typeof(ValueSets), nameof(ValueSets.Names))]
    public void Only_the_operator_secrets_role_grants_secrets(string valueSet)
    {
        var roles = ValueSets.Render(valueSet).Where(m => m.Kind is "Role" && m.Name.StartsWith("airlock-", StringComparison.Ordinal));
        var withSecrets = roles.Where(r => r.Root["rules"]!.AsArray().Any(rule => rule!["resources"]!.AsArray().Any(x => (string?)x == "secrets")));

        withSecrets.Select(r => $"{r.Namespace}/{r.Name}").Should().Equal("airlock-system/airlock-operator-secrets");
    }

    [TestCase("default", new[] { "airlock-approval-key", "airlock-signal-key" })]
    [TestCase("cert-manager", new[] { "airlock-approval-key", "airlock-signal-key" })]
    [TestCase("operator-certs", new[] { "airlock-approval-key", "airlock-signal-key", "airlock-webhook-ca" })]
    public void Operator_reads_only_its_own_secrets_by_name(string valueSet, string[] names)
    {
        var role = ValueSets.Render(valueSet).Single(m => m.Kind == "Role" && m.Name == "airlock-operator-secrets");
        var rules = role.Root["rules"]!.AsArray().OfType<JsonObject>().ToList();

        // Create is the one verb RBAC cannot limit by name (the key stores, SelfSignedCertificateSource); every other is named.
        RbacRules.Grants(role).Should().BeEquivalentTo(new Dictionary<string, string[]> { ["/secrets"] = ["create"] });
        rules.Where(r => r["resourceNames"] is not null).SelectMany(r => r["resourceNames"]!.AsArray().Select(n => (string?)n)).Should().BeEquivalentTo(names);
        rules.SelectMany(r => r["verbs"]!.AsArray().Select(v => (string?)v)).Should().NotContain(["list", "watch", "delete", "patch"]);
    }

    [Test]
    public void Approver_may_approve_reject_and_quarantine()
    {
        var role = ValueSets.Render("default").Single(m => m.Kind == "ClusterRole" && m.Name == "airlock-approver");

        RbacRules.Grants(role)["agents.airlock.dev/agenttasks"].Should().BeEquivalentTo("get", "list", "watch", "approve", "reject", "quarantine");
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
