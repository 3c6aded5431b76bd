using System.Net;
using Airlock.Api.Tasks;
using Airlock.Operator.Network;

namespace Airlock.Egress.Matching;

/// <summary>
/// A task's egress entries as the proxy enforces them: host names (exact or <c>*.domain</c>, compared after IDNA
/// normalisation) and CIDRs, each with its ports. Pure: build it from the spec, ask it questions.
/// </summary>
public sealed class EgressAllowlist
{
    private EgressAllowlist(IReadOnlyList<HostRule> hosts, IReadOnlyList<CidrRule> cidrs)
    {
        Hosts = hosts;
        Cidrs = cidrs;
    }

    public static EgressAllowlist Empty { get; } = new([], []);

    public IReadOnlyList<HostRule> Hosts { get; }

    public IReadOnlyList<CidrRule> Cidrs { get; }

    /// <summary>
    /// The allowlist of a task's <c>spec.egress</c>. Entries that do not parse, whole-address-space CIDRs and CIDRs inside
    /// the forbidden ranges are dropped (validation refuses them; dropping fails closed if validation was bypassed).
    /// </summary>
    public static EgressAllowlist From(IEnumerable<EgressRule>? rules)
    {
        var hosts = new List<HostRule>();
        var cidrs = new List<CidrRule>();
        foreach (var rule in rules ?? [])
        {
            var ports = rule.EffectivePorts.Where(p => p is >= 1 and <= 65535).ToHashSet();
            if (ports.Count == 0) continue;
            if (rule.Host is { } host && rule.Cidr is null)
            {
                var wildcard = host.StartsWith("*.", StringComparison.Ordinal);
                if (HostName.TryNormalize(wildcard ? host[2..] : host, out var name) && (!wildcard || name.Contains('.')))
                    hosts.Add(new HostRule(name, wildcard, ports));
            }
            else if (rule.Cidr is { } cidr && rule.Host is null && ForbiddenNetworks.TryParseCidr(cidr, out var network)
                && network.PrefixLength > 0 && ForbiddenNetworks.Containing(network) is null)
            {
                cidrs.Add(new CidrRule(network, ports));
            }
        }
        return new EgressAllowlist(hosts, cidrs);
    }

    /// <summary>True when <paramref name="host"/> (a DNS name as the client wrote it) may be reached on <paramref name="port"/>.</summary>
    public bool Matches(string host, int port) => Evaluate(host, port) == EgressMatch.Allowed;

    /// <summary>Like <see cref="Matches"/>, with the reason.</summary>
    public EgressMatch Evaluate(string host, int port)
    {
        if (!HostName.TryNormalize(host, out var name)) return EgressMatch.InvalidHost;
        return EvaluateNormalized(name, port);
    }

    /// <summary>Like <see cref="Evaluate"/> for a host already normalised by <see cref="HostName.TryNormalize"/>.</summary>
    public EgressMatch EvaluateNormalized(string name, int port)
    {
        if (port is < 1 or > 65535) return EgressMatch.PortNotListed;
        var hostSeen = false;
        foreach (var rule in Hosts)
        {
            if (!rule.MatchesHost(name)) continue;
            if (rule.Ports.Contains(port)) return EgressMatch.Allowed;
            hostSeen = true;
        }
        return hostSeen ? EgressMatch.PortNotListed : EgressMatch.HostNotListed;
    }

    /// <summary>The CIDR entry covering <paramref name="address"/> with <paramref name="port"/>, if any.</summary>
    public CidrRule? CidrFor(IPAddress address, int port)
    {
        var canonical = AddressRanges.Canonical(address);
        foreach (var rule in Cidrs)
        {
            if (rule.Ports.Contains(port) && rule.Covers(canonical)) return rule;
        }
        return null;
    }
}
