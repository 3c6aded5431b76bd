using System.Net;
using Airlock.Api.Tasks;
using Airlock.Api.Values;
using Airlock.Operator.Network;
using Airlock.Operator.Policies;

namespace Airlock.Operator.Validation;

/// <summary>Checks egress rules and the debug opening: host syntax, CIDRs, ports, policy allowlists and windows.</summary>
public static class EgressValidator
{
    public static void Validate(IList<EgressRule>? rules, EffectivePolicy policy, List<FieldProblem> problems)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var rule = rules![i];
            var field = $"spec.egress[{i}]";
            if ((rule.Host is null) == (rule.Cidr is null))
            {
                problems.Add(new(field, "set exactly one of host (enforced by the egress proxy) or cidr (enforced by the NetworkPolicy)"));
                continue;
            }
            if (rule.Host is { } host) ValidateHost(host, field + ".host", policy, problems);
            if (rule.Cidr is { } cidr)
            {
                if (ParseCidr(cidr, field + ".cidr", problems) is { } network) CheckCidrAllowlists(network, cidr, field + ".cidr", policy, problems);
                if (rule.Ports is not { Count: > 0 }) problems.Add(new(field + ".ports", "a cidr rule needs ports; list the TCP ports the task uses (e.g. [5432])"));
            }
            ValidatePorts(rule.Ports, field + ".ports", problems);
        }
    }

    public static void ValidateDebug(DebugAccess? debug, EffectivePolicy policy, DateTime windowStart, List<FieldProblem> problems)
    {
        if (debug is null) return;
        for (var i = 0; i < (debug.AllowFrom?.Count ?? 0); i++)
        {
            var field = $"spec.debug.allowFrom[{i}]";
            if (ParseCidr(debug.AllowFrom![i], field, problems) is { PrefixLength: 0 })
                problems.Add(new(field, $"\"{debug.AllowFrom[i]}\" opens the sandbox to everyone; name the debugging host, e.g. 10.0.3.7/32"));
        }
        if (debug.Ports is not { Count: > 0 }) problems.Add(new("spec.debug.ports", "is required; list the ports to open (e.g. [8080])"));
        ValidatePorts(debug.Ports, "spec.debug.ports", problems);
        if (debug.ExpiresAt is not { } expires)
        {
            problems.Add(new("spec.debug.expiresAt", "is required; the opening must close by itself (an RFC 3339 time)"));
        }
        else if (expires.ToUniversalTime() - windowStart.ToUniversalTime() > policy.MaxDebugWindow)
        {
            var max = GoDuration.Format(policy.MaxDebugWindow);
            problems.Add(new("spec.debug.expiresAt", $"the opening lasts {GoDuration.Format(TimeSpan.FromSeconds(Math.Ceiling((expires.ToUniversalTime() - windowStart.ToUniversalTime()).TotalSeconds)))} from the task's creation, more than the maximum {max}; close it within {max}"));
        }
    }

    private static void ValidateHost(string host, string field, EffectivePolicy policy, List<FieldProblem> problems)
    {
        if (HostPattern.Problem(host) is { } problem)
        {
            problems.Add(new(field, problem));
            return;
        }
        foreach (var allowlist in policy.HostAllowlists)
        {
            if (!allowlist.Any(p => HostPattern.Covers(p, host)))
                problems.Add(new(field, $"\"{host}\" is outside the policy's allowed hosts; use one of {string.Join(", ", allowlist)}"));
        }
    }

    /// <summary>Parses a CIDR and refuses everything-ranges, forbidden ranges and IPv4-mapped forms; null after a problem.</summary>
    private static IPNetwork? ParseCidr(string? cidr, string field, List<FieldProblem> problems)
    {
        if (!ForbiddenNetworks.TryParseCidr(cidr, out var network))
        {
            var hint = cidr is not null && !cidr.Contains('/') ? $"add a prefix length, e.g. {cidr}/32" : "write it in canonical form with no host bits set, e.g. 10.40.0.0/16";
            problems.Add(new(field, $"\"{cidr}\" is not a CIDR; {hint}"));
            return null;
        }
        if (network.PrefixLength == 0)
        {
            problems.Add(new(field, $"\"{cidr}\" is the whole address space; name the networks the task needs"));
            return null;
        }
        if (ForbiddenNetworks.Covers(ForbiddenNetworks.Ipv4Mapped, network))
        {
            problems.Add(new(field, $"\"{cidr}\" is an IPv4-mapped IPv6 range; write the IPv4 CIDR instead"));
            return null;
        }
        if (ForbiddenNetworks.Containing(network) is { } forbidden)
        {
            problems.Add(new(field, $"\"{cidr}\" lies in {forbidden} (link-local or cloud metadata), which no sandbox may reach"));
            return null;
        }
        return network;
    }

    private static void CheckCidrAllowlists(IPNetwork network, string cidr, string field, EffectivePolicy policy, List<FieldProblem> problems)
    {
        foreach (var allowlist in policy.CidrAllowlists)
        {
            var covered = allowlist.Any(a => ForbiddenNetworks.TryParseCidr(a, out var allowed) && ForbiddenNetworks.Covers(allowed, network));
            if (!covered) problems.Add(new(field, $"\"{cidr}\" is outside the policy's allowed CIDRs; use a range inside {string.Join(", ", allowlist)}"));
        }
    }

    private static void ValidatePorts(IList<int>? ports, string field, List<FieldProblem> problems)
    {
        for (var j = 0; j < (ports?.Count ?? 0); j++)
        {
            if (ports![j] is < 1 or > 65535) problems.Add(new($"{field}[{j}]", $"{ports[j]} is not a TCP port; use 1..65535"));
        }
    }
}
