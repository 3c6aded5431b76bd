using System.Net;

namespace Airlock.Egress.Matching;

/// <summary>
/// Decides whether the proxy may connect to an address it resolved (or that a client named): never to link-local or
/// metadata addresses; to loopback and cluster-internal ranges only when a CIDR entry of the task covers the address and port.
/// </summary>
public sealed class AddressPolicy(IReadOnlyList<IPNetwork> internalRanges)
{
    public static AddressPolicy Default { get; } = new(AddressRanges.DefaultInternal);

    public IReadOnlyList<IPNetwork> InternalRanges { get; } = internalRanges;

    /// <param name="loopbackExempt">
    /// True for addresses from the operator's own resolution overrides (<c>--egress-resolve</c>), which is how dev and tests
    /// point names at loopback servers. Real DNS answers never are.
    /// </param>
    public AddressVerdict Check(IPAddress address, int port, EgressAllowlist allowlist, bool loopbackExempt = false)
    {
        var canonical = AddressRanges.Canonical(address);
        if (AddressRanges.InAny(AddressRanges.AlwaysDenied, canonical)) return AddressVerdict.AlwaysDenied;
        if (allowlist.CidrFor(canonical, port) is not null) return AddressVerdict.Allowed;
        if (AddressRanges.InAny(AddressRanges.Loopback, canonical)) return loopbackExempt ? AddressVerdict.Allowed : AddressVerdict.Loopback;
        if (AddressRanges.InAny(InternalRanges, canonical)) return AddressVerdict.Internal;
        return AddressVerdict.Allowed;
    }
}
