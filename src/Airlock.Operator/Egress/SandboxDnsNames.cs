using System.Net;
using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Egress;

/// <summary>
/// Every DNS question the sandbox needs to ask: the gateway's and egress proxy's host names (and the API server's when the
/// task has permissions), each as the pod's resolver walks its search path (<c>&lt;ns&gt;.svc.&lt;domain&gt;</c>,
/// <c>svc.&lt;domain&gt;</c>, <c>&lt;domain&gt;</c>) and as written. A closed list of fixed names: nothing the agent chooses can be
/// encoded in a question, so DNS cannot carry data out.
/// </summary>
/// <remarks>
/// The search-path forms must be allowed too: Cilium answers a refused question with REFUSED, and glibc and musl stop
/// walking the search path at the first REFUSED (they continue only after NXDOMAIN), so the real name would never be asked.
/// </remarks>
public static class SandboxDnsNames
{
    public static IReadOnlyList<string> For(AgentTask task, SandboxSettings settings, CiliumSettings cilium)
    {
        var domain = cilium.ClusterDomain.Trim('.').ToLowerInvariant();
        var search = new[] { $"{task.Metadata.NamespaceProperty}.svc.{domain}", $"svc.{domain}", domain };
        var hosts = new List<string> { HostOf(settings.GatewayUrl), HostOf(settings.EgressProxyUrl) };
        if (task.Spec.Permissions is { Count: > 0 }) hosts.Add("kubernetes.default.svc");
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            if (host.Length == 0 || IPAddress.TryParse(host.Trim('[', ']'), out _)) continue;
            var name = host.TrimEnd('.').ToLowerInvariant();
            names.Add(name);
            if (host.EndsWith('.')) continue;
            foreach (var suffix in search) names.Add(name + "." + suffix);
        }
        return [.. names];
    }

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "";
}
