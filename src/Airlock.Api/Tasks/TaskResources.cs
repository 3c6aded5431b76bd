using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;
using k8s.Models;

namespace Airlock.Api.Tasks;

/// <summary>CPU, memory and scratch space of a sandbox (also used for policy defaults and ceilings).</summary>
[Description("CPU, memory and ephemeral storage; each is both the request and the limit.")]
public sealed record TaskResources
{
    [JsonPropertyName("cpu")]
    [IntOrString, Pattern(SchemaPatterns.Quantity)]
    [Description("CPU cores (1, 500m).")]
    public ResourceQuantity? Cpu { get; set; }

    [JsonPropertyName("memory")]
    [IntOrString, Pattern(SchemaPatterns.Quantity)]
    [Description("Memory (2Gi).")]
    public ResourceQuantity? Memory { get; set; }

    [JsonPropertyName("ephemeralStorage")]
    [IntOrString, Pattern(SchemaPatterns.Quantity)]
    [Description("Size of the /workspace emptyDir and the container's ephemeral-storage limit (4Gi).")]
    public ResourceQuantity? EphemeralStorage { get; set; }
}
