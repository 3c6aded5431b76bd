using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Tests.Support;
using Airlock.Operator.Validation;

namespace Airlock.Operator.Tests.Validation;

public class EgressValidatorTests
{
    private static readonly DateTime Now = FixedClock.GoldenNow.UtcDateTime;

    private static IEnumerable<string> Fields(AgentTask task, EffectivePolicy? policy = null) =>
        AgentTaskValidator.Validate(task, policy ?? BuiltinPolicy.Effective, Now).Select(p => p.Field);

    private static AgentTask WithEgress(params EgressRule[] rules)
    {
        var task = Tasks.Minimal();
        task.Spec.Egress = rules;
        return task;
    }

    private static AgentTask WithDebug(DebugAccess debug)
    {
        var task = Tasks.Minimal();
        task.Spec.Debug = debug;
        return task;
    }

    [TestCase("api.github.com")]
    [TestCase("*.github.com")]
    [TestCase("*.a.example.co.uk")]
    [TestCase("xn--bcher-kva.example")]
    [TestCase("localhost")]
    public void Good_hosts_are_accepted(string host)
    {
        Fields(WithEgress(new EgressRule { Host = host })).Should().BeEmpty();
    }

    [TestCase("*")]
    [TestCase("*.com")]
    [TestCase("api.*.com")]
    [TestCase("**.example.com")]
    [TestCase("API.github.com")]
    [TestCase("bücher.example")]
    [TestCase("10.0.0.1")]
    [TestCase("0x7f000001")]
    [TestCase("[::1]")]
    [TestCase("fe80::1")]
    [TestCase("-bad.example.com")]
    [TestCase("example.com.")]
    [TestCase("exa mple.com")]
    [TestCase("")]
    public void Bad_hosts_are_refused(string host)
    {
        Fields(WithEgress(new EgressRule { Host = host })).Should().Equal("spec.egress[0].host");
    }

    [Test]
    public void Rule_with_both_host_and_cidr_is_refused()
    {
        Fields(WithEgress(new EgressRule { Host = "a.example.com", Cidr = "10.0.0.0/8", Ports = [443] })).Should().Equal("spec.egress[0]");
    }

    [Test]
    public void Rule_with_neither_host_nor_cidr_is_refused()
    {
        Fields(WithEgress(new EgressRule { Ports = [443] })).Should().Equal("spec.egress[0]");
    }

    [TestCase("0.0.0.0/0")]
    [TestCase("::/0")]
    [TestCase("169.254.169.254/32")]
    [TestCase("169.254.0.0/16")]
    [TestCase("169.254.10.0/24")]
    [TestCase("fe80::/10")]
    [TestCase("fe80::1/128")]
    [TestCase("fd00:ec2::254/128")]
    [TestCase("::ffff:169.254.169.254/128")]
    [TestCase("10.0.0.1/8")]
    [TestCase("10.0.0.1")]
    [TestCase("not-a-cidr")]
    public void Bad_or_forbidden_cidrs_are_refused(string cidr)
    {
        Fields(WithEgress(new EgressRule { Cidr = cidr, Ports = [443] })).Should().Equal("spec.egress[0].cidr");
    }

    [TestCase("10.40.0.0/16")]
    [TestCase("128.0.0.0/1")]
    [TestCase("2001:db8::/32")]
    public void Cidrs_outside_the_forbidden_ranges_are_accepted(string cidr)
    {
        Fields(WithEgress(new EgressRule { Cidr = cidr, Ports = [5432] })).Should().BeEmpty();
    }

    [Test]
    public void Cidr_rule_without_ports_is_refused()
    {
        Fields(WithEgress(new EgressRule { Cidr = "10.40.0.0/16" })).Should().Equal("spec.egress[0].ports");
    }

    [TestCase(0)]
    [TestCase(65536)]
    public void Ports_outside_1_to_65535_are_refused(int port)
    {
        Fields(WithEgress(new EgressRule { Host = "a.example.com", Ports = [443, port] })).Should().Equal("spec.egress[0].ports[1]");
    }

    [Test]
    public void Host_outside_the_policy_allowlist_is_refused()
    {
        var policy = BuiltinPolicy.Effective with { HostAllowlists = [["*.github.com", "pypi.org"]] };

        Fields(WithEgress(new EgressRule { Host = "api.github.com" }, new EgressRule { Host = "evil.example.com" }), policy)
            .Should().Equal("spec.egress[1].host");
    }

    [Test]
    public void Cidr_outside_the_policy_allowlist_is_refused()
    {
        var policy = BuiltinPolicy.Effective with { CidrAllowlists = [["10.40.0.0/16"]] };

        Fields(WithEgress(new EgressRule { Cidr = "10.40.1.0/24", Ports = [1] }, new EgressRule { Cidr = "10.0.0.0/8", Ports = [1] }), policy)
            .Should().Equal("spec.egress[1].cidr");
    }

    [Test]
    public void Debug_window_within_the_maximum_is_accepted()
    {
        Fields(WithDebug(new DebugAccess { AllowFrom = ["10.0.3.7/32"], Ports = [8080], ExpiresAt = Now.AddHours(8) })).Should().BeEmpty();
    }

    [Test]
    public void Debug_window_without_allow_from_is_accepted_since_the_tunnel_needs_no_source_range()
    {
        Fields(WithDebug(new DebugAccess { Ports = [8080], ExpiresAt = Now.AddHours(1) })).Should().BeEmpty();
    }

    [Test]
    public void Debug_window_longer_than_the_maximum_is_refused()
    {
        Fields(WithDebug(new DebugAccess { AllowFrom = ["10.0.3.7/32"], Ports = [8080], ExpiresAt = Now.AddHours(8).AddSeconds(1) }))
            .Should().Equal("spec.debug.expiresAt");
    }

    [Test]
    public void Debug_window_counts_from_the_task_creation()
    {
        var task = WithDebug(new DebugAccess { AllowFrom = ["10.0.3.7/32"], Ports = [8080], ExpiresAt = Now.AddHours(1) });
        task.Metadata.CreationTimestamp = Now.AddHours(-8);

        Fields(task).Should().Equal("spec.debug.expiresAt");
    }

    [TestCase("0.0.0.0/0")]
    [TestCase("::/0")]
    public void Debug_opening_for_everyone_is_refused(string cidr)
    {
        Fields(WithDebug(new DebugAccess { AllowFrom = [cidr], Ports = [8080], ExpiresAt = Now.AddHours(1) })).Should().Contain("spec.debug.allowFrom[0]");
    }
}
