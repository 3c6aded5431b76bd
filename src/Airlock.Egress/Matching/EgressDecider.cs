using System.Net;

namespace Airlock.Egress.Matching;

/// <summary>
/// The proxy's rules as pure functions. A name must be on the task's list with the port; an IP literal must be covered
/// by one of its CIDR entries with the port; and every address a name resolves to must pass <see cref="AddressPolicy"/>
/// (one bad address refuses the name: it points into places a sandbox must not reach).
/// </summary>
public static class EgressDecider
{
    public static EgressDecision ForTarget(string host, int port, EgressAllowlist allowlist, AddressPolicy policy)
    {
        if (HostName.TryParseAddress(host, out var literal))
        {
            if (literal is null) return EgressDecision.Deny(DenyReasons.InvalidHost);
            var canonical = AddressRanges.Canonical(literal);
            if (AddressRanges.InAny(AddressRanges.AlwaysDenied, canonical)) return EgressDecision.Deny(DenyReasons.MetadataOrLinkLocal);
            return allowlist.CidrFor(canonical, port) is not null && policy.Check(canonical, port, allowlist) == AddressVerdict.Allowed
                ? EgressDecision.Connect(canonical)
                : EgressDecision.Deny(DenyReasons.IpLiteral);
        }
        if (!HostName.TryNormalize(host, out var name)) return EgressDecision.Deny(DenyReasons.InvalidHost);
        return allowlist.EvaluateNormalized(name, port) switch
        {
            EgressMatch.Allowed => EgressDecision.Resolve(name),
            EgressMatch.PortNotListed => EgressDecision.Deny(DenyReasons.PortNotAllowed),
            EgressMatch.InvalidHost => EgressDecision.Deny(DenyReasons.InvalidHost),
            _ => EgressDecision.Deny(DenyReasons.HostNotAllowed),
        };
    }

    /// <summary>Checks every resolved address; connects to the first one (IPv4 preferred) when all pass.</summary>
    public static EgressDecision ForResolved(IReadOnlyList<IPAddress> addresses, bool fromOverride, int port, EgressAllowlist allowlist, AddressPolicy policy)
    {
        if (addresses.Count == 0) return EgressDecision.Deny(DenyReasons.DoesNotResolve);
        IPAddress? chosen = null;
        foreach (var address in addresses)
        {
            var canonical = AddressRanges.Canonical(address);
            switch (policy.Check(canonical, port, allowlist, loopbackExempt: fromOverride))
            {
                case AddressVerdict.AlwaysDenied: return EgressDecision.Deny(DenyReasons.ResolvesToForbidden);
                case AddressVerdict.Loopback: return EgressDecision.Deny(DenyReasons.ResolvesToLoopback);
                case AddressVerdict.Internal: return EgressDecision.Deny(DenyReasons.ResolvesToInternal);
            }
            if (chosen is null || (chosen.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork && canonical.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
                chosen = canonical;
        }
        return EgressDecision.Connect(chosen!);
    }
}
