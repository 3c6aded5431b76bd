using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Policies;

/// <summary>Which providers and models tasks may use, and ceilings on their limits.</summary>
[Description("Providers, models and ceilings on the model limits of tasks.")]
public sealed class ModelPolicy
{
    [JsonPropertyName("allowedProviders")]
    [ListType("set")]
    [Description("Providers tasks may use. Omitted: any configured provider.")]
    public IList<string>? AllowedProviders { get; set; }

    [JsonPropertyName("allowedModels")]
    [ListType("set")]
    [Description("Models tasks may list. Omitted: any model.")]
    public IList<string>? AllowedModels { get; set; }

    [JsonPropertyName("maxRequestsPerMinute")]
    [Minimum(1)]
    [Description("Ceiling on a task's requestsPerMinute.")]
    public int? MaxRequestsPerMinute { get; set; }

    [JsonPropertyName("maxTokensPerMinute")]
    [Minimum(1)]
    [Description("Ceiling on a task's tokensPerMinute.")]
    public long? MaxTokensPerMinute { get; set; }

    [JsonPropertyName("maxTotalTokens")]
    [Minimum(1)]
    [Description("Ceiling on a task's maxTotalTokens.")]
    public long? MaxTotalTokens { get; set; }
}
