using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using k8s.Models;

namespace Airlock.Operator.Tests.Sandbox;

public class SandboxNetworkPolicyTests
{
    private static readonly SandboxSettings Settings = new() { Clock = new FixedClock(FixedClock.GoldenNow) };

    private static V1NetworkPolicy Build(AgentTask task) => SandboxNetworkPolicyBuilder.Build(task, Settings);

    private static AgentTask WithDebug(DateTime expiresAt)
    {
        var task = Tasks.Minimal();
        task.Spec.Debug = new DebugAccess { AllowFrom = ["10.0.3.7/32"], Ports = [8080], ExpiresAt = expiresAt };
        return task;
    }

    private static AgentTask WithCidr(string cidr)
    {
        var task = Tasks.Minimal();
        task.Spec.Egress = [new EgressRule { Cidr = cidr, Ports = [443] }];
        return task;
    }

    [Test]
    public void Policy_governs_ingress_and_egress()
    {
        Build(Tasks.Minimal()).Spec.PolicyTypes.Should().Equal("Ingress", "Egress");
    }

    [Test]
    public void No_ingress_without_a_debug_opening()
    {
        Build(Tasks.Minimal()).Spec.Ingress.Should().BeEmpty();
    }

    [Test]
    public void Unexpired_debug_opening_admits_its_sources_on_its_ports()
    {
        var rule = Build(WithDebug(FixedClock.GoldenNow.UtcDateTime.AddMinutes(5))).Spec.Ingress.Should().ContainSingle().Subject;

        rule.FromProperty.Where(p => p.IpBlock != null).Should().ContainSingle().Which.IpBlock.Cidr.Should().Be("10.0.3.7/32");
        rule.Ports.Single().Port.Value.Should().Be("8080");
    }

    [Test]
    public void Unexpired_debug_opening_admits_the_egress_proxy_pods_for_the_airlock_debug_tunnel()
    {
        var rule = Build(WithDebug(FixedClock.GoldenNow.UtcDateTime.AddMinutes(5))).Spec.Ingress.Should().ContainSingle().Subject;

        var proxy = rule.FromProperty.Should().ContainSingle(p => p.PodSelector != null).Subject;
        proxy.NamespaceSelector.MatchLabels.Should().Equal(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "airlock-system" });
        proxy.PodSelector.MatchLabels.Should().Equal(new SandboxSettings().EgressProxyPodLabels);
    }

    [Test]
    public void Debug_opening_without_allow_from_admits_only_the_egress_proxy_pods()
    {
        var task = WithDebug(FixedClock.GoldenNow.UtcDateTime.AddMinutes(5));
        task.Spec.Debug!.AllowFrom = [];

        var rule = Build(task).Spec.Ingress.Should().ContainSingle().Subject;

        rule.FromProperty.Should().ContainSingle().Which.PodSelector.MatchLabels.Should().Equal(new SandboxSettings().EgressProxyPodLabels);
    }

    [Test]
    public void Expired_debug_opening_admits_nothing()
    {
        Build(WithDebug(FixedClock.GoldenNow.UtcDateTime.AddSeconds(-1))).Spec.Ingress.Should().BeEmpty();
    }

    [Test]
    public void Egress_without_task_rules_reaches_only_dns_gateway_and_proxy()
    {
        Build(Tasks.Minimal()).Spec.Egress.Should().HaveCount(3).And.OnlyContain(r => r.To.All(p => p.IpBlock == null));
    }

    [Test]
    public void Dns_is_allowed_over_udp_and_tcp()
    {
        Build(Tasks.Minimal()).Spec.Egress[0].Ports.Select(p => (p.Protocol, p.Port.Value)).Should().Equal(("UDP", "53"), ("TCP", "53"));
    }

    [Test]
    public void Cidr_covering_the_metadata_range_excepts_it()
    {
        var block = Build(WithCidr("128.0.0.0/1")).Spec.Egress.Last().To.Single().IpBlock;

        block.Except.Should().Equal("169.254.0.0/16");
    }

    [Test]
    public void Ipv6_cidr_covering_link_local_and_metadata_excepts_both()
    {
        Build(WithCidr("8000::/1")).Spec.Egress.Last().To.Single().IpBlock.Except.Should().Equal("fe80::/10", "fd00:ec2::254/128");
    }

    [TestCase("169.254.169.254/32")]
    [TestCase("169.254.0.0/16")]
    [TestCase("0.0.0.0/0")]
    [TestCase("fd00:ec2::254/128")]
    public void Forbidden_cidrs_never_reach_the_policy_even_unvalidated(string cidr)
    {
        Build(WithCidr(cidr)).Spec.Egress.Should().HaveCount(3);
    }

    [Test]
    public void Host_rules_are_left_to_the_egress_proxy()
    {
        var task = Tasks.Minimal();
        task.Spec.Egress = [new EgressRule { Host = "api.github.com" }];

        Build(task).Spec.Egress.Should().HaveCount(3);
    }

    [Test]
    public void Policy_selects_only_the_sandbox_pod()
    {
        Build(Tasks.Minimal()).Spec.PodSelector.MatchLabels.Should().Contain("agents.airlock.dev/task", "hello").And.Contain("app.kubernetes.io/component", "agent");
    }
}
