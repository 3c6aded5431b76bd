using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Tasks;

/// <summary>A time-boxed ingress opening into the sandbox, for a human to look inside.</summary>
[Description("A temporary ingress opening into the sandbox; it closes by itself at expiresAt.")]
public sealed record DebugAccess
{
    [JsonPropertyName("allowFrom")]
    [MaxItems(8), ListType("set"), MaxLength(64)]
    [Description("Optional source CIDRs allowed in directly (10.0.3.7/32), besides the airlock debug tunnel through the egress proxy, which needs none. Never 0.0.0.0/0 or ::/0.")]
    public IList<string> AllowFrom { get; set; } = [];

    [JsonPropertyName("ports")]
    [Required, MinItems(1), MaxItems(8), ListType("set"), Minimum(1), Maximum(65535)]
    [Description("TCP ports opened (1..65535).")]
    public IList<int> Ports { get; set; } = [];

    [JsonPropertyName("expiresAt")]
    [Required, Format("date-time")]
    [Description("When the opening closes (RFC 3339). At most the policy's maxDebugWindow after the task was created.")]
    public DateTime? ExpiresAt { get; set; }
}
