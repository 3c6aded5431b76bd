using System.Globalization;
using System.Text;
using Airlock.Api.Tasks;
using Airlock.Egress.Matching;
using Airlock.Egress.Proxy;
using Airlock.Operator.Egress;
using Airlock.Operator.Network;
using Airlock.Operator.Sandbox;

namespace Airlock.Egress.Explain;

/// <summary>
/// <c>airlock explain-egress</c> as a pure function: a task in, a readable truth table out (what the sandbox can reach,
/// which layer enforces each entry, what is always denied, the ingress, and a verdict per probe). With
/// <paramref name="cilium"/> (a cluster whose operator runs with <c>--cilium-policies</c>) it also shows what the two
/// CiliumNetworkPolicies add: the proxy's own reach limited to the task's hosts, and DNS limited to fixed names.
/// </summary>
public static class EgressExplainer
{
    public static string Explain(AgentTask task, IReadOnlyList<string> probes, DateTime now, SandboxSettings? settings = null, CiliumSettings? cilium = null)
    {
        settings ??= SandboxSettings.Default;
        var allowlist = EgressAllowlist.From(task.Spec.Egress);
        var text = new StringBuilder();
        var name = string.IsNullOrEmpty(task.Metadata.NamespaceProperty) ? task.Metadata.Name : $"{task.Metadata.NamespaceProperty}/{task.Metadata.Name}";
        text.Append("Egress of AgentTask ").Append(name).Append("\n\n");

        var rows = new List<string[]> { new[] { "DESTINATION", "PORTS", "ENFORCED BY" } };
        var ciliumNote = cilium is null ? "" : "; the proxy itself may reach it only through this task's CiliumNetworkPolicy (toFQDNs)";
        foreach (var host in allowlist.Hosts)
            rows.Add([host.Pattern, Ports(host.Ports), "egress proxy (HTTPS_PROXY/HTTP_PROXY); refused if it resolves to loopback, link-local, metadata or cluster ranges" + ciliumNote]);
        foreach (var cidr in allowlist.Cidrs)
        {
            var except = ForbiddenNetworks.Inside(cidr.Network);
            rows.Add([cidr.Network.ToString(), Ports(cidr.Ports), "NetworkPolicy (direct)" + (except.Count > 0 ? $", except {string.Join(", ", except)}" : "")]);
        }
        rows.Add(cilium is null
            ? ["cluster DNS", "53/UDP+TCP", "NetworkPolicy"]
            : ["cluster DNS", "53/UDP+TCP", $"CiliumNetworkPolicy: only {SandboxDnsNames.For(task, settings, cilium).Count} fixed names of the gateway and egress proxy (and the API server with permissions)"]);
        rows.Add([$"model gateway ({settings.GatewayUrl})", settings.GatewayPodPort.ToString(CultureInfo.InvariantCulture), "NetworkPolicy"]);
        rows.Add([$"egress proxy ({settings.EgressProxyUrl})", settings.EgressProxyPodPort.ToString(CultureInfo.InvariantCulture), "NetworkPolicy"]);
        Table(text, rows);

        text.Append("\nALWAYS DENIED\n");
        var denied = new List<string[]>();
        foreach (var range in ForbiddenNetworks.Ranges) denied.Add([range.ToString(), Describe(range.ToString())]);
        denied.Add(["names resolving to loopback or cluster ranges", "refused by the proxy unless a cidr entry covers the address"]);
        if (cilium is not null) denied.Add(["DNS questions for any other name", "REFUSED by Cilium's DNS proxy: no data leaves through DNS"]);
        denied.Add(["anything else", "default deny (NetworkPolicy) and not on the proxy's list"]);
        Table(text, denied);

        text.Append("\nINGRESS\n");
        text.Append(Ingress(task.Spec.Debug, now)).Append('\n');

        if (probes.Count > 0)
        {
            text.Append("\nPROBES\n");
            var probeRows = new List<string[]> { new[] { "PROBE", "VERDICT", "WHY" } };
            foreach (var probe in probes.Select(p => Probe(task, p)))
                probeRows.Add([probe.Probe, probe.Allowed ? "allowed" : "denied", (probe.Layer.Length > 0 ? probe.Layer + ": " : "") + probe.Why]);
            Table(text, probeRows);
        }
        return text.ToString();
    }

    /// <summary>The verdict for one <c>HOST:PORT</c> as the proxy and the NetworkPolicy would give it (before DNS for names).</summary>
    public static ProbeVerdict Probe(AgentTask task, string probe)
    {
        if (TargetParser.ParseAuthority(probe, null) is not { } target) return new ProbeVerdict(probe, false, "", "not HOST:PORT");
        var allowlist = EgressAllowlist.From(task.Spec.Egress);
        if (HostName.TryParseAddress(target.Host, out var address))
        {
            if (address is null) return new ProbeVerdict(probe, false, "", "not a valid address");
            var canonical = AddressRanges.Canonical(address);
            if (AddressRanges.InAny(AddressRanges.AlwaysDenied, canonical)) return new ProbeVerdict(probe, false, "always", "link-local or cloud metadata address");
            return allowlist.CidrFor(canonical, target.Port) is { } cidr
                ? new ProbeVerdict(probe, true, "NetworkPolicy", $"inside cidr {cidr.Network} on port {target.Port}")
                : new ProbeVerdict(probe, false, "NetworkPolicy", "no cidr entry covers this address and port");
        }
        return allowlist.Evaluate(target.Host, target.Port) switch
        {
            EgressMatch.Allowed => new ProbeVerdict(probe, true, "egress proxy",
                $"matches {allowlist.Hosts.First(h => HostName.TryNormalize(target.Host, out var n) && h.MatchesHost(n) && h.Ports.Contains(target.Port)).Pattern} (if it resolves to public addresses)"),
            EgressMatch.PortNotListed => new ProbeVerdict(probe, false, "egress proxy", $"the host is listed but not port {target.Port}"),
            EgressMatch.InvalidHost => new ProbeVerdict(probe, false, "egress proxy", "not a valid host name"),
            _ => new ProbeVerdict(probe, false, "egress proxy", "host not on the task's list"),
        };
    }

    private static string Ingress(DebugAccess? debug, DateTime now)
    {
        if (debug is null) return "none (no debug window)";
        var until = debug.ExpiresAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "?";
        var state = SandboxNetworkPolicyBuilder.DebugOpen(debug, now) ? "open" : "expired: none";
        var direct = debug.AllowFrom is { Count: > 0 } ? $"from {string.Join(", ", debug.AllowFrom)} and " : "";
        return $"debug window ({state}): {direct}through the egress proxy with `airlock debug` (TokenReview + SubjectAccessReview verb debug) " +
            $"on {Ports(debug.Ports)} until {until}";
    }

    private static string Describe(string range) => range switch
    {
        "169.254.0.0/16" => "IPv4 link-local, cloud metadata (169.254.169.254)",
        "fe80::/10" => "IPv6 link-local",
        "fd00:ec2::254/128" => "AWS IPv6 metadata",
        _ => "forbidden",
    };

    private static string Ports(IEnumerable<int> ports) => string.Join(",", ports.Order());

    private static void Table(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows.Max(r => r.Length)).Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                text.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c] + 2));
            }
            text.Append('\n');
        }
    }
}
