using System.Globalization;
using Airlock.Api.Tasks;
using Airlock.Testing;
using k8s;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>A debug window opens ingress to the sandbox from its allowFrom ranges, and the operator closes it at expiresAt.</summary>
[TestFixture]
public sealed class DebugWindowTests : NamespacedScenario
{
    protected override string Prefix => "debug";

    protected override bool GrantsEditors => false;

    [Test]
    public async Task Debug_ingress_appears_while_the_window_is_open_and_disappears_when_it_expires()
    {
        var expiresAt = DateTime.UtcNow.AddSeconds(8).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var yaml = TaskYaml.For("peek", exitAfter: "1h")
            + $"  debug:\n    allowFrom: [10.0.3.7/32]\n    ports: [8080]\n    expiresAt: \"{expiresAt}\"\n";
        (await ApplyAsync(null, yaml)).EnsureSuccess();
        await Probe.WaitForPhaseAsync("peek", AgentTaskPhase.Running);

        var open = await Cluster.Client.NetworkingV1.ReadNamespacedNetworkPolicyAsync("peek-sandbox", Ns.Name);
        open.Spec.PolicyTypes.Should().Contain("Ingress");
        var rule = open.Spec.Ingress.Should().ContainSingle().Subject;
        rule.FromProperty.Should().HaveCount(2);
        rule.FromProperty.Should().ContainSingle(p => p.PodSelector != null).Which.NamespaceSelector.MatchLabels
            .Should().Contain("kubernetes.io/metadata.name", "airlock-system", "the airlock debug tunnel comes from the egress proxy");
        rule.FromProperty.Should().ContainSingle(p => p.IpBlock != null).Which.IpBlock.Cidr.Should().Be("10.0.3.7/32");
        rule.Ports.Should().ContainSingle().Which.Port.Value.Should().Be("8080");

        await Eventually.UntilAsync(
            async () => (await Cluster.Client.NetworkingV1.ReadNamespacedNetworkPolicyAsync("peek-sandbox", Ns.Name)).Spec.Ingress is null or { Count: 0 },
            "the debug ingress rule to be removed at expiresAt", TaskProbe.Timeout);
        var closed = await Cluster.Client.NetworkingV1.ReadNamespacedNetworkPolicyAsync("peek-sandbox", Ns.Name);
        closed.Spec.PolicyTypes.Should().Contain("Ingress", "ingress stays denied by default once the window closes");
        (await Probe.GetAsync("peek"))!.Status!.Phase.Should().Be(AgentTaskPhase.Running);
    }
}
