using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Policies;

/// <summary>When a task must wait for a human approval, whatever its spec says.</summary>
[Description("When tasks must wait for a human approval.")]
public sealed class ApprovalPolicy
{
    [JsonPropertyName("always")]
    [Description("Every task waits for approval.")]
    public bool? Always { get; set; }

    [JsonPropertyName("whenWriteVerbs")]
    [Description("Tasks whose permissions include create, update, patch, delete or deletecollection wait for approval.")]
    public bool? WhenWriteVerbs { get; set; }

    [JsonPropertyName("whenEgressHostsOutside")]
    [ListType("set")]
    [Description("Tasks with an egress host outside these patterns wait for approval.")]
    public IList<string>? WhenEgressHostsOutside { get; set; }

    [JsonPropertyName("whenMaxTotalTokensAbove")]
    [Minimum(0)]
    [Description("Tasks whose token budget is above this (or unset) wait for approval.")]
    public long? WhenMaxTotalTokensAbove { get; set; }
}
