using System.Net;

namespace Airlock.Egress.Matching;

/// <summary>One CIDR entry of a task and its ports.</summary>
public sealed record CidrRule(IPNetwork Network, IReadOnlySet<int> Ports)
{
    public bool Covers(IPAddress address) => AddressRanges.Contains(Network, address);
}
