using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>A list of custom resources as the API server returns it.</summary>
public sealed class ResourceList<T> : IItems<T>, IMetadata<V1ListMeta>
{
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<T> Items { get; set; } = [];
}
