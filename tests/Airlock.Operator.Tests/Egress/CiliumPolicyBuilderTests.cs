using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Operator.Egress;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;

namespace Airlock.Operator.Tests.Egress;

/// <summary>The security properties of the two Cilium policies, one at a time.</summary>
public class CiliumPolicyBuilderTests
{
    private static AgentTask Task(params EgressRule[] egress)
    {
        var task = Tasks.Minimal("triage");
        task.Spec.Egress = [.. egress];
        return task;
    }

    private static CiliumPolicies Build(AgentTask task) => CiliumNetworkPolicyBuilder.Build(task, SandboxSettings.Default, CiliumSettings.Default);

    private static IEnumerable<JsonNode> Egress(CiliumNetworkPolicy policy) => policy.Spec["egress"]!.AsArray().Select(r => r!);

    [Test]
    public void The_sandbox_policy_never_grants_fqdns_or_cidrs()
    {
        var sandbox = Build(Task(new EgressRule { Host = "api.github.com" }, new EgressRule { Cidr = "10.40.0.0/16", Ports = [5432] })).Sandbox;

        Egress(sandbox).Should().ContainSingle().Which.AsObject().Select(p => p.Key).Should().BeEquivalentTo("toEndpoints", "toPorts");
    }

    [Test]
    public void The_sandbox_policy_allows_dns_only_to_the_cluster_dns_pods_on_port_53()
    {
        var rule = Egress(Build(Task()).Sandbox).Single();

        rule["toEndpoints"]!.ToJsonString().Should().Be("""[{"matchLabels":{"k8s:io.kubernetes.pod.namespace":"kube-system","k8s:k8s-app":"kube-dns"}}]""");
        rule["toPorts"]![0]!["ports"]!.ToJsonString().Should().Be("""[{"port":"53","protocol":"ANY"}]""");
    }

    [Test]
    public void The_sandbox_may_ask_only_fixed_names_never_a_pattern()
    {
        var dns = Egress(Build(Task(new EgressRule { Host = "*.example.com" })).Sandbox).Single()["toPorts"]![0]!["rules"]!["dns"]!.AsArray();

        dns.Should().OnlyContain(d => d!.AsObject().Count == 1 && d["matchName"] != null);
    }

    [Test]
    public void The_sandbox_dns_names_follow_the_resolver_search_path_of_its_namespace()
    {
        var names = SandboxDnsNames.For(Tasks.Minimal("t"), SandboxSettings.Default, CiliumSettings.Default);

        names.Should().Equal(
            "airlock-egress.airlock-system.svc",
            "airlock-egress.airlock-system.svc.agents.svc.cluster.local",
            "airlock-egress.airlock-system.svc.cluster.local",
            "airlock-egress.airlock-system.svc.svc.cluster.local",
            "airlock-gateway.airlock-system.svc",
            "airlock-gateway.airlock-system.svc.agents.svc.cluster.local",
            "airlock-gateway.airlock-system.svc.cluster.local",
            "airlock-gateway.airlock-system.svc.svc.cluster.local");
    }

    [Test]
    public void A_task_with_permissions_may_also_resolve_the_api_server()
    {
        var task = Tasks.Minimal("t");
        task.Spec.Permissions = [new PermissionRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get"] }];

        SandboxDnsNames.For(task, SandboxSettings.Default, CiliumSettings.Default).Should().Contain("kubernetes.default.svc.cluster.local");
    }

    [Test]
    public void Proxy_urls_given_as_addresses_need_no_dns()
    {
        var settings = SandboxSettings.Default with { GatewayUrl = "http://10.96.0.20:8080", EgressProxyUrl = "http://[fd00::20]:3128" };

        SandboxDnsNames.For(Tasks.Minimal("t"), settings, CiliumSettings.Default).Should().BeEmpty();
    }

    [Test]
    public void The_proxy_policy_selects_the_egress_proxy_pods_in_the_system_namespace_without_an_owner_reference()
    {
        var proxy = Build(Task(new EgressRule { Host = "pypi.org" })).Proxy!;

        proxy.Metadata.NamespaceProperty.Should().Be("airlock-system");
        proxy.Metadata.OwnerReferences.Should().BeNull();
        proxy.Metadata.Labels.Should().Contain(CiliumNames.TaskNamespaceLabel, "agents").And.Contain(Api.AirlockLabels.Task, "triage");
        proxy.Metadata.Annotations.Should().Contain(CiliumNames.TaskAnnotation, "agents/triage");
        proxy.Spec["endpointSelector"]!.ToJsonString().Should().Be("""{"matchLabels":{"app.kubernetes.io/name":"airlock-egress"}}""");
    }

    [Test]
    public void The_proxy_policy_grants_each_host_on_its_own_ports_only()
    {
        var proxy = Build(Task(new EgressRule { Host = "pypi.org" }, new EgressRule { Host = "mirror.example.com", Ports = [80, 8080] })).Proxy!;

        var grants = Egress(proxy).Where(r => r["toFQDNs"] is not null)
            .Select(r => (r["toFQDNs"]!.ToJsonString(), r["toPorts"]![0]!["ports"]!.AsArray().Select(p => (string?)p!["port"]).ToArray()));
        grants.Should().BeEquivalentTo(new[]
        {
            ("""[{"matchName":"pypi.org"}]""", new[] { "443" }),
            ("""[{"matchName":"mirror.example.com"}]""", new[] { "80", "8080" }),
        });
    }

    [Test]
    public void A_wildcard_host_becomes_a_multi_level_pattern() =>
        Egress(Build(Task(new EgressRule { Host = "*.Example.com." })).Proxy!).Single(r => r["toFQDNs"] is not null)["toFQDNs"]!.ToJsonString()
            .Should().Be("""[{"matchPattern":"**.example.com"}]""");

    [Test]
    public void A_cidr_entry_is_granted_to_the_proxy_without_the_forbidden_ranges_inside_it()
    {
        var proxy = Build(Task(new EgressRule { Cidr = "169.254.0.0/15", Ports = [80] }, new EgressRule { Cidr = "169.254.169.254/32", Ports = [80] })).Proxy!;

        Egress(proxy).Single(r => r["toCIDRSet"] is not null)["toCIDRSet"]!.ToJsonString()
            .Should().Be("""[{"cidr":"169.254.0.0/15","except":["169.254.0.0/16"]}]""");
    }

    [Test]
    public void A_task_without_hosts_or_cidrs_gets_no_proxy_policy() => Build(Task()).Proxy.Should().BeNull();

    [Test]
    public void Proxy_policy_names_cannot_collide_across_namespaces() =>
        CiliumNames.Proxy("a-b", "c").Should().NotBe(CiliumNames.Proxy("a", "b-c"));

    [Test]
    public void A_proxy_policy_name_stays_within_253_characters_and_unique()
    {
        var first = CiliumNames.Proxy(new string('n', 63), new string('t', 240));
        var second = CiliumNames.Proxy(new string('n', 63), new string('t', 239) + "u");

        first.Length.Should().BeLessThanOrEqualTo(253);
        first.Should().NotBe(second);
    }

    [Test]
    public void With_the_cilium_layer_the_sandbox_network_policy_leaves_dns_to_cilium()
    {
        var policy = SandboxNetworkPolicyBuilder.Build(Task(), CiliumPolicyController.Sandbox(SandboxSettings.Default));

        policy.Spec.Egress.SelectMany(r => r.Ports ?? []).Should().NotContain(p => p.Port.Value == "53");
    }

    [Test]
    public void Without_the_cilium_layer_the_sandbox_network_policy_keeps_dns() =>
        SandboxNetworkPolicyBuilder.Build(Task(), SandboxSettings.Default).Spec.Egress.SelectMany(r => r.Ports ?? []).Should().Contain(p => p.Port.Value == "53");

    [TestCase(null, true)]
    [TestCase(AgentTaskPhase.Pending, true)]
    [TestCase(AgentTaskPhase.Running, true)]
    [TestCase(AgentTaskPhase.AwaitingApproval, false)]
    [TestCase(AgentTaskPhase.Succeeded, false)]
    [TestCase(AgentTaskPhase.Quarantined, false)]
    public void Policies_exist_only_while_the_sandbox_is_wanted(string? phase, bool wanted)
    {
        var task = Tasks.Minimal();
        task.Status = new AgentTaskStatus { Phase = phase };

        CiliumPolicyReconciler.Wanted(task).Should().Be(wanted);
    }
}
