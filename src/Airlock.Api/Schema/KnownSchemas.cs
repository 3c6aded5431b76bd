using System.Diagnostics.CodeAnalysis;
using k8s.Models;

namespace Airlock.Api.Schema;

/// <summary>Hand-written schemas for the Kubernetes types the API embeds (metav1.Condition, metav1.LabelSelector).</summary>
public static class KnownSchemas
{
    public static bool TryGet(Type type, [NotNullWhen(true)] out V1JSONSchemaProps? schema)
    {
        schema = type == typeof(V1Condition) ? Condition()
            : type == typeof(V1LabelSelector) ? LabelSelector()
            : type == typeof(V1ObjectMeta) ? new V1JSONSchemaProps { Type = "object" }
            : null;
        return schema is not null;
    }

    /// <summary>metav1.Condition with the API server's own constraints.</summary>
    public static V1JSONSchemaProps Condition() => new()
    {
        Type = "object",
        Description = "A condition in the metav1.Condition shape.",
        Required = ["lastTransitionTime", "message", "reason", "status", "type"],
        Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal)
        {
            ["lastTransitionTime"] = new() { Type = "string", Format = "date-time", Description = "When the condition last changed status." },
            ["message"] = new() { Type = "string", MaxLength = 32768, Description = "Human-readable details." },
            ["observedGeneration"] = new() { Type = "integer", Format = "int64", Minimum = 0, Description = "The metadata.generation the condition was set from." },
            ["reason"] = new()
            {
                Type = "string",
                MinLength = 1,
                MaxLength = 1024,
                Pattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
                Description = "CamelCase reason for the last transition.",
            },
            ["status"] = new() { Type = "string", EnumProperty = ["True", "False", "Unknown"], Description = "True, False or Unknown." },
            ["type"] = new()
            {
                Type = "string",
                MaxLength = 316,
                Pattern = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
                Description = "Condition type (Approved, SandboxReady, Completed, Quarantined, SpecApplied).",
            },
        },
    };

    /// <summary>metav1.LabelSelector.</summary>
    public static V1JSONSchemaProps LabelSelector() => new()
    {
        Type = "object",
        Description = "A label selector; empty selects everything.",
        XKubernetesMapType = "atomic",
        Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal)
        {
            ["matchExpressions"] = new()
            {
                Type = "array",
                Description = "Requirements that are ANDed.",
                XKubernetesListType = "atomic",
                Items = new V1JSONSchemaProps
                {
                    Type = "object",
                    Description = "A key, an operator and values.",
                    Required = ["key", "operator"],
                    Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal)
                    {
                        ["key"] = new() { Type = "string", Description = "The label key." },
                        ["operator"] = new() { Type = "string", EnumProperty = ["In", "NotIn", "Exists", "DoesNotExist"], Description = "In, NotIn, Exists or DoesNotExist." },
                        ["values"] = new()
                        {
                            Type = "array",
                            XKubernetesListType = "atomic",
                            Items = new V1JSONSchemaProps { Type = "string" },
                            Description = "Values for In and NotIn; empty for Exists and DoesNotExist.",
                        },
                    },
                },
            },
            ["matchLabels"] = new()
            {
                Type = "object",
                AdditionalProperties = new V1JSONSchemaProps { Type = "string" },
                Description = "Labels that must all match.",
            },
        },
    };
}
