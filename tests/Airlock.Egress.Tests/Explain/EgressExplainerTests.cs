using Airlock.Api.Tasks;
using Airlock.Egress.Explain;

namespace Airlock.Egress.Tests.Explain;

public class EgressExplainerTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static AgentTask Task(DebugAccess? debug = null) => new()
    {
        Metadata = new() { Name = "triage", NamespaceProperty = "agents" },
        Spec = new AgentTaskSpec
        {
            Egress =
            [
                new EgressRule { Host = "api.github.com" },
                new EgressRule { Host = "*.pythonhosted.org", Ports = [443] },
                new EgressRule { Cidr = "10.40.0.0/16", Ports = [5432] },
            ],
            Debug = debug,
        },
    };

    [Test]
    public void The_table_names_each_entry_with_its_ports_and_layer()
    {
        var text = EgressExplainer.Explain(Task(), [], Now);

        text.Should().MatchRegex(@"api\.github\.com\s+443\s+egress proxy");
        text.Should().MatchRegex(@"\*\.pythonhosted\.org\s+443\s+egress proxy");
        text.Should().MatchRegex(@"10\.40\.0\.0/16\s+5432\s+NetworkPolicy \(direct\)");
    }

    [Test]
    public void With_the_cilium_layer_dns_is_limited_to_fixed_names_and_other_questions_are_refused()
    {
        var text = EgressExplainer.Explain(Task(), [], Now, cilium: Airlock.Operator.Egress.CiliumSettings.Default);

        text.Should().MatchRegex(@"cluster DNS\s+53/UDP\+TCP\s+CiliumNetworkPolicy: only 8 fixed names");
        text.Should().Contain("DNS questions for any other name");
        text.Should().MatchRegex(@"api\.github\.com\s+443\s+egress proxy.*CiliumNetworkPolicy \(toFQDNs\)");
    }

    [Test]
    public void Without_the_cilium_layer_dns_is_the_network_policy_s() =>
        EgressExplainer.Explain(Task(), [], Now).Should().MatchRegex(@"cluster DNS\s+53/UDP\+TCP\s+NetworkPolicy\n");

    [Test]
    public void The_always_denied_ranges_are_listed() =>
        EgressExplainer.Explain(Task(), [], Now).Should().Contain("169.254.0.0/16").And.Contain("fd00:ec2::254/128").And.Contain("fe80::/10");

    [Test]
    public void Ingress_is_none_without_a_debug_window() =>
        EgressExplainer.Explain(Task(), [], Now).Should().Contain("INGRESS\nnone");

    [Test]
    public void An_open_debug_window_is_shown_with_its_sources_ports_and_end()
    {
        var debug = new DebugAccess { AllowFrom = ["10.0.3.7/32"], Ports = [8080], ExpiresAt = Now.AddHours(1) };

        EgressExplainer.Explain(Task(debug), [], Now).Should().Contain("debug window (open): from 10.0.3.7/32 and through the egress proxy")
            .And.Contain("on 8080 until 2026-03-01T13:00:00Z");
    }

    [Test]
    public void A_debug_window_without_source_ranges_is_shown_as_tunnel_only()
    {
        var debug = new DebugAccess { Ports = [8080], ExpiresAt = Now.AddHours(1) };

        EgressExplainer.Explain(Task(debug), [], Now).Should().Contain("debug window (open): through the egress proxy with `airlock debug`")
            .And.NotContain("from ");
    }

    [TestCase("api.github.com:443", true, "egress proxy")]
    [TestCase("API.GITHUB.COM.:443", true, "egress proxy")]
    [TestCase("files.pythonhosted.org:443", true, "egress proxy")]
    [TestCase("api.github.com:80", false, "egress proxy")]
    [TestCase("\u0430pi.github.com:443", false, "egress proxy")]
    [TestCase("evil.example:443", false, "egress proxy")]
    [TestCase("10.40.1.2:5432", true, "NetworkPolicy")]
    [TestCase("10.40.1.2:22", false, "NetworkPolicy")]
    [TestCase("169.254.169.254:80", false, "always")]
    [TestCase("nonsense", false, "")]
    public void Each_probe_gets_a_verdict_and_its_layer(string probe, bool allowed, string layer)
    {
        var verdict = EgressExplainer.Probe(Task(), probe);

        (verdict.Allowed, verdict.Layer).Should().Be((allowed, layer));
    }

    [Test]
    public void Probes_appear_in_the_table()
    {
        var text = EgressExplainer.Explain(Task(), ["api.github.com:443", "evil.example:443"], Now);

        text.Should().MatchRegex(@"api\.github\.com:443\s+allowed\s+egress proxy: matches api\.github\.com");
        text.Should().MatchRegex(@"evil\.example:443\s+denied\s+egress proxy: host not on the task's list");
    }
}
