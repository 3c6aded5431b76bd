using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Policies;

/// <summary>Which egress destinations tasks may declare.</summary>
[Description("Egress destinations tasks may declare; forbidden ranges stay forbidden whatever this says.")]
public sealed class EgressPolicy
{
    [JsonPropertyName("allowedHosts")]
    [ListType("set"), MaxLength(253)]
    [Description("Hosts or *.domain wildcards a task's host rules must fall within. Omitted: any host.")]
    public IList<string>? AllowedHosts { get; set; }

    [JsonPropertyName("allowedCidrs")]
    [ListType("set"), MaxLength(64)]
    [Description("CIDRs a task's cidr rules must fall within. Omitted: any CIDR outside the forbidden ranges.")]
    public IList<string>? AllowedCidrs { get; set; }
}
