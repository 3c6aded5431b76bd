using System.Net;
using System.Net.Sockets;
using Airlock.Operator.Network;

namespace Airlock.Egress.Matching;

/// <summary>Address ranges the proxy never connects to unless a task's CIDR entry names them.</summary>
public static class AddressRanges
{
    /// <summary>Loopback: the proxy's own host. Names that resolve here are refused (DNS rebinding onto the node).</summary>
    public static readonly IReadOnlyList<IPNetwork> Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    /// <summary>Unspecified, multicast and reserved addresses: never a host on the internet.</summary>
    public static readonly IReadOnlyList<IPNetwork> Reserved =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Private and shared ranges, where pods, Services and nodes usually live.</summary>
    public static readonly IReadOnlyList<IPNetwork> Private =
    [
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("fc00::/7"),
    ];

    /// <summary>"Cluster-internal" when the pod and Service CIDRs are not configured: reserved and every private range (fail closed).</summary>
    public static readonly IReadOnlyList<IPNetwork> DefaultInternal = [.. Reserved, .. Private];

    /// <summary>The internal ranges for explicitly configured cluster CIDRs: those plus the reserved ranges.</summary>
    public static IReadOnlyList<IPNetwork> Internal(IEnumerable<IPNetwork> clusterCidrs) => [.. Reserved, .. clusterCidrs];

    /// <summary>Link-local and cloud metadata: refused whatever a task says (<see cref="ForbiddenNetworks.Ranges"/>).</summary>
    public static IReadOnlyList<IPNetwork> AlwaysDenied => ForbiddenNetworks.Ranges;

    /// <summary>The IPv4 address behind an IPv4-mapped IPv6 address; other addresses unchanged (without scope).</summary>
    public static IPAddress Canonical(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public static bool Contains(IPNetwork network, IPAddress address)
    {
        var canonical = Canonical(address);
        if (network.BaseAddress.AddressFamily != canonical.AddressFamily) return false;
        var bits = canonical.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        return ForbiddenNetworks.Covers(network, new IPNetwork(canonical, bits));
    }

    public static bool InAny(IEnumerable<IPNetwork> ranges, IPAddress address) => ranges.Any(r => Contains(r, address));
}
