using Airlock.Api.Tasks;
using Airlock.Egress.Matching;

namespace Airlock.Egress.Tests.Matching;

public class EgressAllowlistTests
{
    private static EgressAllowlist Allow(params string[] hosts) =>
        EgressAllowlist.From(hosts.Select(h => new EgressRule { Host = h, Ports = [443] }));

    [Test]
    public void Cyrillic_a_in_api_github_com_does_not_match_api_github_com() =>
        Allow("api.github.com").Matches("\u0430pi.github.com", 443).Should().BeFalse();

    [Test]
    public void Upper_case_and_one_trailing_dot_still_match() =>
        Allow("api.github.com").Matches("API.GitHub.COM.", 443).Should().BeTrue();

    [Test]
    public void Two_trailing_dots_do_not_match() =>
        Allow("api.github.com").Matches("api.github.com..", 443).Should().BeFalse();

    [TestCase("example.com", false)]
    [TestCase("evil-example.com", false)]
    [TestCase("evilexample.com", false)]
    [TestCase("a.example.com", true)]
    [TestCase("a.b.example.com", true)]
    [TestCase("example.com.evil.net", false)]
    public void Wildcard_covers_only_names_below_the_domain(string host, bool expected) =>
        Allow("*.example.com").Matches(host, 443).Should().Be(expected);

    [TestCase("api.github.com@evil.net")]
    [TestCase("evil.net@api.github.com")]
    [TestCase("api.github.com:443")]
    [TestCase("api.github.com:80@evil.net")]
    [TestCase("api.github.com%00.evil.net")]
    public void Userinfo_and_port_confusion_does_not_match(string host) =>
        Allow("api.github.com").Matches(host, 443).Should().BeFalse();

    [Test]
    public void A_unicode_name_matches_its_punycode_rule() =>
        Allow("xn--bcher-kva.de").Matches("B\u00fccher.de", 443).Should().BeTrue();

    [Test]
    public void Upper_case_outside_ascii_still_matches() =>
        Allow("xn--bcher-kva.de").Matches("B\u00dcCHER.DE", 443).Should().BeTrue();

    [Test]
    public void The_kelvin_sign_does_not_pass_for_a_latin_k() =>
        Allow("kube.example.com").Matches("\u212aube.example.com", 443).Should().BeFalse();

    [Test]
    public void A_host_rule_without_ports_allows_443_only()
    {
        var list = EgressAllowlist.From([new EgressRule { Host = "pypi.org" }]);

        list.Evaluate("pypi.org", 443).Should().Be(EgressMatch.Allowed);
        list.Evaluate("pypi.org", 80).Should().Be(EgressMatch.PortNotListed);
    }

    [Test]
    public void An_unlisted_host_is_reported_as_such() =>
        Allow("pypi.org").Evaluate("files.pythonhosted.org", 443).Should().Be(EgressMatch.HostNotListed);

    [Test]
    public void Cidr_rules_inside_forbidden_ranges_or_everything_are_dropped()
    {
        var list = EgressAllowlist.From(
        [
            new EgressRule { Cidr = "169.254.169.254/32", Ports = [80] },
            new EgressRule { Cidr = "0.0.0.0/0", Ports = [80] },
            new EgressRule { Cidr = "10.40.0.0/16", Ports = [5432] },
        ]);

        list.Cidrs.Select(c => c.Network.ToString()).Should().Equal("10.40.0.0/16");
    }
}
