using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Airlock.Api.Tasks;

/// <summary>A list of AgentTasks, as the API server returns it.</summary>
[KubernetesEntity(Group = AgentsGroup.Name, ApiVersion = AgentsGroup.Version, Kind = KubeKind, PluralName = AgentTask.KubePlural)]
public sealed class AgentTaskList : IKubernetesObject<V1ListMeta>, IItems<AgentTask>
{
    public const string KubeKind = "AgentTaskList";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = AgentsGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<AgentTask> Items { get; set; } = [];
}
