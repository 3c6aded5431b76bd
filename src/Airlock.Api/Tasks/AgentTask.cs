using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Airlock.Api.Tasks;

/// <summary>One autonomous agent run in a throwaway, locked-down sandbox.</summary>
[KubernetesEntity(Group = AgentsGroup.Name, ApiVersion = AgentsGroup.Version, Kind = KubeKind, PluralName = KubePlural)]
[Description("AgentTask runs one autonomous AI agent in a throwaway, hardware-isolated, least-privileged sandbox.")]
public sealed class AgentTask : IKubernetesObject<V1ObjectMeta>, ISpec<AgentTaskSpec>, IStatus<AgentTaskStatus?>
{
    public const string KubeKind = "AgentTask";
    public const string KubeGroup = AgentsGroup.Name;
    public const string KubeApiVersion = AgentsGroup.ApiVersion;
    public const string KubePlural = "agenttasks";
    public const string KubeSingular = "agenttask";
    public const string KubeShortName = "agt";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    [Schema.Required]
    [Description("What the agent runs and what it may reach.")]
    public AgentTaskSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    [Description("What the operator observed; written only by the operator.")]
    public AgentTaskStatus? Status { get; set; }
}
