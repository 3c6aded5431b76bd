using System.Net;
using Airlock.Api.Tasks;
using Airlock.Egress.Matching;

namespace Airlock.Egress.Tests.Matching;

public class EgressDeciderTests
{
    private static readonly EgressAllowlist List = EgressAllowlist.From(
    [
        new EgressRule { Host = "api.example.test", Ports = [443, 80] },
        new EgressRule { Cidr = "10.40.0.0/16", Ports = [5432] },
    ]);

    private static EgressDecision Target(string host, int port) => EgressDecider.ForTarget(host, port, List, AddressPolicy.Default);

    private static EgressDecision Resolved(string address, bool fromOverride = false, int port = 443) =>
        EgressDecider.ForResolved([IPAddress.Parse(address)], fromOverride, port, List, AddressPolicy.Default);

    [Test]
    public void A_listed_name_is_resolved_in_normal_form() => Target("API.Example.Test.", 443).ResolveName.Should().Be("api.example.test");

    [TestCase("127.0.0.1")]
    [TestCase("2130706433")]
    [TestCase("0x7f.1")]
    [TestCase("[::1]")]
    [TestCase("8.8.8.8")]
    public void An_ip_literal_outside_the_cidr_entries_is_refused(string host) =>
        Target(host, 443).DenyReason.Should().BeOneOf(DenyReasons.IpLiteral, DenyReasons.InvalidHost);

    [TestCase("169.254.169.254")]
    [TestCase("[fd00:ec2::254]")]
    [TestCase("[::ffff:169.254.169.254]")]
    public void A_metadata_literal_is_refused_as_such(string host) => Target(host, 80).DenyReason.Should().Be(DenyReasons.MetadataOrLinkLocal);

    [Test]
    public void An_ip_literal_inside_a_cidr_entry_on_its_port_is_allowed() =>
        Target("10.40.3.4", 5432).Address.Should().Be(IPAddress.Parse("10.40.3.4"));

    [Test]
    public void An_ip_literal_inside_a_cidr_entry_on_another_port_is_refused() =>
        Target("10.40.3.4", 22).DenyReason.Should().Be(DenyReasons.IpLiteral);

    [TestCase("169.254.169.254", DenyReasons.ResolvesToForbidden)]
    [TestCase("127.0.0.1", DenyReasons.ResolvesToLoopback)]
    [TestCase("10.96.0.1", DenyReasons.ResolvesToInternal)]
    [TestCase("192.168.1.1", DenyReasons.ResolvesToInternal)]
    [TestCase("::ffff:127.0.0.1", DenyReasons.ResolvesToLoopback)]
    public void A_name_resolving_into_a_forbidden_range_is_refused(string address, string reason) =>
        Resolved(address).DenyReason.Should().Be(reason);

    [Test]
    public void A_name_resolving_into_a_cidr_entry_on_its_port_is_allowed() =>
        Resolved("10.40.0.9", port: 5432).Address.Should().Be(IPAddress.Parse("10.40.0.9"));

    [Test]
    public void An_override_may_point_a_name_at_loopback_but_not_at_metadata()
    {
        Resolved("127.0.0.1", fromOverride: true).Address.Should().Be(IPAddress.Loopback);
        Resolved("169.254.169.254", fromOverride: true).DenyReason.Should().Be(DenyReasons.ResolvesToForbidden);
    }

    [Test]
    public void One_bad_address_among_good_ones_refuses_the_name() =>
        EgressDecider.ForResolved([IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.1")], false, 443, List, AddressPolicy.Default)
            .DenyReason.Should().Be(DenyReasons.ResolvesToInternal);

    [Test]
    public void A_public_address_is_connected_to_exactly() => Resolved("93.184.216.34").Address.Should().Be(IPAddress.Parse("93.184.216.34"));

    [Test]
    public void A_name_that_does_not_resolve_is_refused() =>
        EgressDecider.ForResolved([], false, 443, List, AddressPolicy.Default).DenyReason.Should().Be(DenyReasons.DoesNotResolve);
}
