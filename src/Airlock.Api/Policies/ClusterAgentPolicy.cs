using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Airlock.Api.Policies;

/// <summary>The organisation's ceiling over every AgentTask in the namespaces it selects (cluster-scoped).</summary>
[KubernetesEntity(Group = AgentsGroup.Name, ApiVersion = AgentsGroup.Version, Kind = KubeKind, PluralName = KubePlural)]
[Description("ClusterAgentPolicy sets the ceiling over every AgentTask in the namespaces it selects. When several select a namespace, the strictest value wins.")]
public sealed class ClusterAgentPolicy : IKubernetesObject<V1ObjectMeta>, ISpec<ClusterAgentPolicySpec>, IStatus<ClusterAgentPolicyStatus?>
{
    public const string KubeKind = "ClusterAgentPolicy";
    public const string KubeGroup = AgentsGroup.Name;
    public const string KubeApiVersion = AgentsGroup.ApiVersion;
    public const string KubePlural = "clusteragentpolicies";
    public const string KubeSingular = "clusteragentpolicy";
    public const string KubeShortName = "cap";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    [Schema.Required]
    [Description("The ceiling: allowed runtimes, images, egress, models, permissions, approval rules and defaults.")]
    public ClusterAgentPolicySpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [Description("What the operator observed; written only by the operator.")]
    public ClusterAgentPolicyStatus? Status { get; set; }
}
