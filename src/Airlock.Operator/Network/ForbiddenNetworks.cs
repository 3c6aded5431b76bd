using System.Net;

namespace Airlock.Operator.Network;

/// <summary>Address ranges no sandbox may ever reach, whatever its task or policy says.</summary>
public static class ForbiddenNetworks
{
    /// <summary>
    /// Link-local (169.254.0.0/16 holds the AWS, GCP and Azure metadata services at 169.254.169.254; fe80::/10) and the
    /// AWS IPv6 metadata endpoint fd00:ec2::254.
    /// </summary>
    public static readonly IReadOnlyList<IPNetwork> Ranges =
    [
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fd00:ec2::254/128"),
    ];

    /// <summary>IPv4-mapped IPv6 addresses reach IPv4 hosts; a CIDR in this range is refused so IPv4 rules cannot be dodged.</summary>
    public static readonly IPNetwork Ipv4Mapped = IPNetwork.Parse("::ffff:0:0/96");

    /// <summary>True when <paramref name="inner"/> lies entirely inside <paramref name="outer"/>.</summary>
    public static bool Covers(IPNetwork outer, IPNetwork inner) =>
        outer.BaseAddress.AddressFamily == inner.BaseAddress.AddressFamily
        && outer.PrefixLength <= inner.PrefixLength
        && outer.Contains(inner.BaseAddress);

    /// <summary>The forbidden range that contains all of <paramref name="network"/>, if any (such a CIDR reaches nothing allowed).</summary>
    public static IPNetwork? Containing(IPNetwork network) =>
        Ranges.Cast<IPNetwork?>().FirstOrDefault(r => Covers(r!.Value, network));

    /// <summary>The forbidden ranges strictly inside <paramref name="network"/>: the NetworkPolicy lists them under <c>except</c>.</summary>
    public static IReadOnlyList<IPNetwork> Inside(IPNetwork network) =>
        Ranges.Where(r => Covers(network, r) && !Covers(r, network)).ToList();

    /// <summary>Parses a CIDR in canonical form (no host bits set); false for anything else.</summary>
    public static bool TryParseCidr(string? text, out IPNetwork network)
    {
        network = default;
        return text is not null && text.Contains('/') && IPNetwork.TryParse(text, out network);
    }
}
