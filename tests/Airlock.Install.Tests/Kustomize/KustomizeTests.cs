using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Kustomize;

/// <summary><c>kubectl kustomize</c> over config/: a complete install, hardened, least-privilege, samples kept apart.</summary>
[TestFixture]
public sealed class KustomizeTests
{
    private static readonly Lazy<IReadOnlyList<Manifest>> Default = new(() => KubectlKustomize.Build("config/default"));

    [TestCase("CustomResourceDefinition", "agenttasks.agents.airlock.dev")]
    [TestCase("CustomResourceDefinition", "clusteragentpolicies.agents.airlock.dev")]
    [TestCase("Namespace", "airlock-system")]
    [TestCase("Deployment", "airlock-operator")]
    [TestCase("Deployment", "airlock-gateway")]
    [TestCase("Deployment", "airlock-egress")]
    [TestCase("ClusterRole", "airlock-operator")]
    [TestCase("ClusterRoleBinding", "airlock-operator")]
    [TestCase("Role", "airlock-operator-leader-election")]
    [TestCase("ServiceAccount", "airlock-operator")]
    [TestCase("Service", "airlock-webhook")]
    [TestCase("ValidatingWebhookConfiguration", "airlock")]
    [TestCase("MutatingWebhookConfiguration", "airlock")]
    [TestCase("Certificate", "airlock-webhook")]
    [TestCase("NetworkPolicy", "airlock-default-deny")]
    [TestCase("PodDisruptionBudget", "airlock-operator")]
    public void Default_install_contains(string kind, string name)
    {
        Default.Value.Should().Contain(m => m.Kind == kind && m.Name == name);
    }

    [Test]
    public void Default_install_leaves_samples_out()
    {
        Default.Value.Should().NotContain(m => m.Kind == "AgentTask" || m.Kind == "ClusterAgentPolicy");
    }

    [Test]
    public void Every_namespaced_object_lands_in_airlock_system()
    {
        var clusterScoped = new[] { "Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" };

        Default.Value.Where(m => !clusterScoped.Contains(m.Kind)).Should().OnlyContain(m => m.Namespace == "airlock-system");
    }

    [Test]
    public void Webhook_ca_is_injected_from_the_certificate_in_airlock_system()
    {
        var webhook = Default.Value.Single(m => m.Kind == "ValidatingWebhookConfiguration");

        ((string?)webhook.At("metadata.annotations")!["cert-manager.io/inject-ca-from"]).Should().Be("airlock-system/airlock-webhook");
    }

    [Test]
    public void Default_install_has_no_wildcard_rbac()
    {
        Default.Value.Where(m => m.Kind is "ClusterRole" or "Role").SelectMany(RbacRules.Wildcards).Should().BeEmpty();
    }

    [Test]
    public void Every_container_is_hardened()
    {
        var containers = PodTemplates.Containers(Default.Value).ToList();

        containers.Should().HaveCount(3);
        containers.Should().OnlyContain(c => (string?)c.Container["securityContext"]!["readOnlyRootFilesystem"] == "true"
            && (string?)c.Container["securityContext"]!["allowPrivilegeEscalation"] == "false"
            && c.Container["resources"]!["limits"] != null && c.Container["livenessProbe"] != null && c.Container["readinessProbe"] != null);
    }

    [Test]
    public void Prometheus_overlay_renders_the_monitor_and_the_rules()
    {
        var objects = KubectlKustomize.Build("config/prometheus");

        objects.Select(m => m.Kind).Should().BeEquivalentTo("ServiceMonitor", "PrometheusRule");
    }
}
