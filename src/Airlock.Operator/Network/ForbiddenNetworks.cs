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
    public static bool Covers(IPNetwork outer, IPNetwork inner)
    {
        if (outer.BaseAddress.AddressFamily != inner.BaseAddress.AddressFamily || outer.PrefixLength > inner.PrefixLength) return false;
        // Bitwise on purpose: IPNetwork.Contains treats IPv4-mapped IPv6 addresses specially.
        var a = outer.BaseAddress.GetAddressBytes();
        var b = inner.BaseAddress.GetAddressBytes();
        for (var bit = 0; bit < outer.PrefixLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) return false;
        }
        return true;
    }

    /// <summary>The forbidden range that contains all of <paramref name="network"/>, if any (such a CIDR reaches nothing allowed).</summary>
    public static IPNetwork? Containing(IPNetwork network) =>
        Ranges.Cast<IPNetwork?>().FirstOrDefault(r => Covers(r!.Value, network));

    /// <summary>The forbidden ranges strictly inside <paramref name="network"/>: the NetworkPolicy lists them under <c>except</c>.</summary>
    public static IReadOnlyList<IPNetwork> Inside(IPNetwork network) =>
        Ranges.Where(r => Covers(network, r) && !Covers(r, network)).ToList();

    /// <summary>Parses a CIDR in canonical form (no host bits set, as the NetworkPolicy API requires); false for anything else.</summary>
    public static bool TryParseCidr(string? text, out IPNetwork network)
    {
        network = default;
        var slash = text?.IndexOf('/') ?? -1;
        return slash > 0
            && IPAddress.TryParse(text![..slash], out var address)
            && IPNetwork.TryParse(text, out network)
            && address.Equals(network.BaseAddress);
    }
}
