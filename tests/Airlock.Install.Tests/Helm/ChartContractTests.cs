using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Install.Tests.Support;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;

namespace Airlock.Install.Tests.Helm;

/// <summary>
/// What the chart and the operator code must agree on: the sandbox NetworkPolicies select the gateway and egress-proxy
/// pods by the operator's labels and pod ports, and agents reach them at the operator's default URLs.
/// </summary>
[TestFixture]
public sealed class ChartContractTests
{
    private static readonly SandboxSettings Code = SandboxSettings.Default;

    private static IReadOnlyList<Manifest> Default => ValueSets.Render("default");

    [TestCase("airlock-gateway")]
    [TestCase("airlock-egress")]
    public void Proxy_pods_carry_the_labels_the_sandbox_network_policy_selects(string deployment)
    {
        var expected = deployment == "airlock-gateway" ? Code.GatewayPodLabels : Code.EgressProxyPodLabels;
        var labels = Default.Single(m => m.Kind == "Deployment" && m.Name == deployment).At("spec.template.metadata.labels")!.AsObject();

        foreach (var (key, value) in expected) ((string?)labels[key]).Should().Be(value, key);
    }

    [Test]
    public void Gateway_listens_on_the_pod_port_the_sandbox_network_policy_opens()
    {
        Port(Default, "airlock-gateway", "http").Should().Be(Code.GatewayPodPort);
    }

    [Test]
    public void Egress_proxy_listens_on_the_pod_port_the_sandbox_network_policy_opens()
    {
        Port(Default, "airlock-egress", "proxy").Should().Be(Code.EgressProxyPodPort);
    }

    [Test]
    public void Operator_gives_agents_the_default_gateway_and_proxy_urls()
    {
        var args = Args(Default, "airlock-operator");

        args.Should().Contain($"--gateway-url={Code.GatewayUrl}").And.Contain($"--egress-proxy-url={Code.EgressProxyUrl}");
    }

    [Test]
    public void Operator_runs_with_leader_election_in_the_release_namespace()
    {
        var args = Args(Default, "airlock-operator");

        args.Should().Contain("--leader-elect").And.Contain($"--namespace={Code.SystemNamespace}");
    }

    [Test]
    public void Operator_has_two_replicas_spread_over_nodes_and_a_disruption_budget()
    {
        var operatorDeployment = Default.Single(m => m.Kind == "Deployment" && m.Name == "airlock-operator");

        ((string?)operatorDeployment.At("spec.replicas")).Should().Be("2");
        operatorDeployment.At("spec.template.spec.affinity.podAntiAffinity").Should().NotBeNull();
        Default.Should().Contain(m => m.Kind == "PodDisruptionBudget" && m.Name == "airlock-operator");
    }

    [Test]
    public void Egress_proxy_may_open_debug_tunnels_to_agent_pods_only()
    {
        var policy = Default.Single(m => m.Kind == "NetworkPolicy" && m.Name == "airlock-egress");
        var agentLabels = Manifest.ParseYaml(File.ReadAllText(Golden.RepoPath("charts/airlock/values.yaml")))!["sandbox"]!["agentPodLabels"]!.AsObject();

        var toAgents = policy.At("spec.egress")!.AsArray()
            .Select(r => r!["to"]?.AsArray().SingleOrDefault()?["podSelector"]?["matchLabels"]?.AsObject())
            .Where(l => l is not null && l.Count == agentLabels.Count && agentLabels.All(kv => (string?)l[kv.Key] == (string?)kv.Value))
            .ToList();

        // The sandbox's own NetworkPolicy opens only its debug ports, only from the proxy, only during the window.
        toAgents.Should().ContainSingle("the egress proxy forwards airlock debug tunnels to sandbox pods");
    }

    [Test]
    public void Gateway_and_proxy_admit_agent_pods_by_the_labels_the_operator_sets()
    {
        var values = Manifest.ParseYaml(File.ReadAllText(Golden.RepoPath("charts/airlock/values.yaml")))!;
        var agentLabels = values["sandbox"]!["agentPodLabels"]!.AsObject();
        var task = new AgentTask
        {
            Metadata = new() { Name = "contract", NamespaceProperty = "agents", Uid = "7f1c0a52-0000-4000-8000-000000000001" },
            Spec = new AgentTaskSpec { Image = "ghcr.io/acme/agent@sha256:" + new string('a', 64) },
        };
        var podLabels = SandboxPodBuilder.Build(task, BuiltinPolicy.Effective, Code).Metadata.Labels;

        agentLabels.Should().NotBeEmpty();
        foreach (var (key, value) in agentLabels) podLabels.Should().Contain(key, (string?)value);
    }

    [Test]
    public void Webhook_certificate_names_the_webhook_service()
    {
        var secret = Default.Single(m => m.Kind == "Secret" && m.Name == "airlock-webhook-tls");
        var pem = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String((string)secret.Root["data"]!["tls.crt"]!));
        using var cert = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);

        cert.MatchesHostname("airlock-webhook.airlock-system.svc").Should().BeTrue();
    }

    [Test]
    public void Webhook_ca_bundle_is_the_ca_of_the_serving_certificate()
    {
        var secret = Default.Single(m => m.Kind == "Secret" && m.Name == "airlock-webhook-tls");
        var webhook = Default.Single(m => m.Kind == "ValidatingWebhookConfiguration");

        ((string?)webhook.Root["webhooks"]![0]!["clientConfig"]!["caBundle"]).Should().Be((string?)secret.Root["data"]!["ca.crt"]);
    }

    private static int Port(IReadOnlyList<Manifest> manifests, string deployment, string portName)
    {
        var container = manifests.Single(m => m.Kind == "Deployment" && m.Name == deployment).At("spec.template.spec.containers")![0]!;
        var port = container["ports"]!.AsArray().Single(p => (string?)p!["name"] == portName)!;
        return int.Parse((string)port["containerPort"]!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<string?> Args(IReadOnlyList<Manifest> manifests, string deployment) =>
        ((JsonArray)manifests.Single(m => m.Kind == "Deployment" && m.Name == deployment).At("spec.template.spec.containers")![0]!["args"]!)
            .Select(a => (string?)a).ToList();
}
