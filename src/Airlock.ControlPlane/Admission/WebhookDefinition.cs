using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Admission;

/// <summary>One webhook of a Mutating/ValidatingWebhookConfiguration (admissionregistration.k8s.io/v1), with API server defaults applied.</summary>
public sealed record WebhookDefinition
{
    public required string Name { get; init; }

    public required string ConfigurationName { get; init; }

    public bool Mutating { get; init; }

    /// <summary>clientConfig.url; null when the webhook names a service instead.</summary>
    public string? Url { get; init; }

    /// <summary>clientConfig.service as <c>namespace/name:port/path</c>, for messages; null when a url is given.</summary>
    public string? Service { get; init; }

    /// <summary>clientConfig.caBundle as sent (base64 of PEM): the only roots trusted for this webhook. Null: none given (system roots).</summary>
    public string? CaBundle { get; init; }

    public JsonArray? Rules { get; init; }

    /// <summary><c>Fail</c> (default) or <c>Ignore</c>.</summary>
    public string FailurePolicy { get; init; } = "Fail";

    public JsonObject? NamespaceSelector { get; init; }

    public JsonObject? ObjectSelector { get; init; }

    /// <summary>timeoutSeconds, default 10, clamped to 1..30 as the API server validates.</summary>
    public int TimeoutSeconds { get; init; } = 10;

    /// <summary>sideEffects; webhooks other than None/NoneOnDryRun may not be called for dry-run requests.</summary>
    public string SideEffects { get; init; } = "None";

    /// <summary>reinvocationPolicy IfNeeded (mutating only).</summary>
    public bool ReinvokeIfNeeded { get; init; }

    public bool IgnoresFailures => FailurePolicy == "Ignore";

    /// <summary>The webhooks of a configuration object, in order.</summary>
    public static IEnumerable<WebhookDefinition> FromConfiguration(JsonObject configuration, bool mutating)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configurationName = (string?)configuration["metadata"]?["name"] ?? "";
        if (configuration["webhooks"] is not JsonArray webhooks) yield break;
        foreach (var webhook in webhooks.OfType<JsonObject>())
        {
            var clientConfig = webhook["clientConfig"] as JsonObject;
            var service = clientConfig?["service"] as JsonObject;
            yield return new WebhookDefinition
            {
                Name = (string?)webhook["name"] ?? "",
                ConfigurationName = configurationName,
                Mutating = mutating,
                Url = (string?)clientConfig?["url"],
                Service = service is null ? null
                    : $"{(string?)service["namespace"]}/{(string?)service["name"]}:{(int?)service["port"] ?? 443}{(string?)service["path"]}",
                CaBundle = (string?)clientConfig?["caBundle"] is { Length: > 0 } bundle ? bundle : null,
                Rules = webhook["rules"] as JsonArray,
                FailurePolicy = (string?)webhook["failurePolicy"] ?? "Fail",
                NamespaceSelector = webhook["namespaceSelector"] as JsonObject,
                ObjectSelector = webhook["objectSelector"] as JsonObject,
                TimeoutSeconds = Math.Clamp((int?)webhook["timeoutSeconds"] ?? 10, 1, 30),
                SideEffects = (string?)webhook["sideEffects"] ?? "None",
                ReinvokeIfNeeded = mutating && (string?)webhook["reinvocationPolicy"] == "IfNeeded",
            };
        }
    }
}
