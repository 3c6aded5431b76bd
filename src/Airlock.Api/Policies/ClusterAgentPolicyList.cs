using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Airlock.Api.Policies;

/// <summary>A list of ClusterAgentPolicies, as the API server returns it.</summary>
[KubernetesEntity(Group = AgentsGroup.Name, ApiVersion = AgentsGroup.Version, Kind = KubeKind, PluralName = ClusterAgentPolicy.KubePlural)]
public sealed class ClusterAgentPolicyList : IKubernetesObject<V1ListMeta>, IItems<ClusterAgentPolicy>
{
    public const string KubeKind = "ClusterAgentPolicyList";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = AgentsGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<ClusterAgentPolicy> Items { get; set; } = [];
}
