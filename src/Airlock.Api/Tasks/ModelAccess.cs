using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Tasks;

/// <summary>Which models the agent may call through the gateway, and how much.</summary>
[Description("Model access through the Airlock gateway, which holds the provider keys.")]
public sealed record ModelAccess
{
    [JsonPropertyName("provider")]
    [Required, MinLength(1), MaxLength(63), Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    [Description("A provider configured in the gateway (openai, anthropic).")]
    public string Provider { get; set; } = "";

    [JsonPropertyName("allowedModels")]
    [MaxItems(32), ListType("set")]
    [Description("Models the agent may request; empty means any model of the provider the policy allows.")]
    public IList<string>? AllowedModels { get; set; }

    [JsonPropertyName("requestsPerMinute")]
    [Minimum(1)]
    [Description("Ceiling on model requests per minute.")]
    public int? RequestsPerMinute { get; set; }

    [JsonPropertyName("tokensPerMinute")]
    [Minimum(1)]
    [Description("Ceiling on prompt+completion tokens per minute.")]
    public long? TokensPerMinute { get; set; }

    [JsonPropertyName("maxTotalTokens")]
    [Minimum(1)]
    [Description("Token budget for the whole task.")]
    public long? MaxTotalTokens { get; set; }
}
