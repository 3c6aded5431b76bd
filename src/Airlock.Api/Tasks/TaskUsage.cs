using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Tasks;

/// <summary>Counters of what a task consumed.</summary>
[Description("Model calls, tokens and egress attempts of the task.")]
public sealed record TaskUsage
{
    [JsonPropertyName("modelRequests")]
    [Minimum(0), Format("int64")]
    [Description("Model requests made through the gateway.")]
    public long ModelRequests { get; set; }

    [JsonPropertyName("promptTokens")]
    [Minimum(0), Format("int64")]
    [Description("Prompt tokens consumed.")]
    public long PromptTokens { get; set; }

    [JsonPropertyName("completionTokens")]
    [Minimum(0), Format("int64")]
    [Description("Completion tokens consumed.")]
    public long CompletionTokens { get; set; }

    [JsonPropertyName("egressAllowed")]
    [Minimum(0), Format("int64")]
    [Description("Egress attempts the proxy allowed.")]
    public long EgressAllowed { get; set; }

    [JsonPropertyName("egressDenied")]
    [Minimum(0), Format("int64")]
    [Description("Egress attempts the proxy denied.")]
    public long EgressDenied { get; set; }
}
