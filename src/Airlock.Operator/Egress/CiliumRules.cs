using System.Globalization;
using System.Text.Json.Nodes;
using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Egress;

/// <summary>Rule fragments shared by the two policies, in Cilium's field names (<c>toEndpoints</c>, <c>toPorts</c>, <c>rules.dns</c>).</summary>
public static class CiliumRules
{
    /// <summary>
    /// Port 53 (UDP and TCP) to the cluster DNS pods, through Cilium's DNS proxy, answering only the questions
    /// <paramref name="dns"/> allows (<c>matchName</c>/<c>matchPattern</c> entries); anything else gets REFUSED.
    /// </summary>
    public static JsonObject DnsTo(SandboxSettings settings, JsonArray dns) => new()
    {
        ["toEndpoints"] = new JsonArray { new JsonObject { ["matchLabels"] = DnsPeer(settings) } },
        ["toPorts"] = new JsonArray
        {
            new JsonObject
            {
                ["ports"] = new JsonArray { Port(53, "ANY") },
                ["rules"] = new JsonObject { ["dns"] = dns },
            },
        },
    };

    /// <summary>
    /// The DNS pods as Cilium sees them: pod labels with the <c>k8s:</c> source; the namespace by its name
    /// (<c>io.kubernetes.pod.namespace</c>) or, for other namespace labels, <c>io.cilium.k8s.namespace.labels.*</c>.
    /// </summary>
    public static JsonObject DnsPeer(SandboxSettings settings)
    {
        var selector = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings.DnsPodLabels) selector["k8s:" + key] = value;
        foreach (var (key, value) in settings.DnsNamespaceLabels)
        {
            selector[key == "kubernetes.io/metadata.name" ? "k8s:io.kubernetes.pod.namespace" : "k8s:io.cilium.k8s.namespace.labels." + key] = value;
        }
        var result = new JsonObject();
        foreach (var (key, value) in selector) result[key] = value;
        return result;
    }

    public static JsonObject Labels(IReadOnlyDictionary<string, string> labels)
    {
        var result = new JsonObject();
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal)) result[key] = value;
        return result;
    }

    public static JsonObject Port(int port, string protocol) =>
        new() { ["port"] = port.ToString(CultureInfo.InvariantCulture), ["protocol"] = protocol };

    /// <summary>
    /// A task host as an FQDN selector: <c>matchName</c> for an exact host; <c>matchPattern: **.domain</c> for <c>*.domain</c>
    /// (one or more labels below the domain, as the proxy matches; Cilium before 1.19 reads <c>**.</c> as one label only,
    /// which refuses deeper names rather than allowing more).
    /// </summary>
    public static JsonObject FqdnSelector(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return name.StartsWith("*.", StringComparison.Ordinal)
            ? new JsonObject { ["matchPattern"] = "*" + name }
            : new JsonObject { ["matchName"] = name };
    }
}
