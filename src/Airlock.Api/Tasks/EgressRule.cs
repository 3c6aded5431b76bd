using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Tasks;

/// <summary>One allowed destination: a host name (enforced by the egress proxy) or a CIDR (enforced by the NetworkPolicy).</summary>
[Description("One allowed destination: exactly one of host or cidr.")]
[CelRule("has(self.host) != has(self.cidr)", "exactly one of host or cidr must be set")]
[CelRule("has(self.host) || (has(self.ports) && size(self.ports) > 0)", "a cidr rule needs ports")]
public sealed record EgressRule
{
    /// <summary>Ports a host rule allows when it names none.</summary>
    public static readonly IReadOnlyList<int> DefaultHostPorts = [443];

    [JsonPropertyName("host")]
    [MaxLength(253)]
    [Description("Exact host (api.github.com) or wildcard (*.example.com), lower case, no IP address. Enforced by the egress proxy.")]
    public string? Host { get; set; }

    [JsonPropertyName("cidr")]
    [MaxLength(64)]
    [Description("IPv4 or IPv6 CIDR enforced by the NetworkPolicy. Never 0.0.0.0/0, ::/0, link-local or cloud metadata ranges.")]
    public string? Cidr { get; set; }

    [JsonPropertyName("ports")]
    [MaxItems(16), ListType("set"), Minimum(1), Maximum(65535)]
    [Description("TCP ports (1..65535). A host rule without ports allows 443; a cidr rule must name its ports.")]
    public IList<int>? Ports { get; set; }

    /// <summary>The ports this rule allows, with the host default applied.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> EffectivePorts =>
        Ports is { Count: > 0 } ports ? [.. ports] : Host is not null ? DefaultHostPorts : [];
}
