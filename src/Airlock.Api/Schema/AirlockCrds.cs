using Airlock.Api.Policies;
using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Api.Schema;

/// <summary>The custom resources Airlock serves.</summary>
public static class AirlockCrds
{
    public static readonly CrdDefinition AgentTasks = new()
    {
        EntityType = typeof(AgentTask),
        Kind = AgentTask.KubeKind,
        Plural = AgentTask.KubePlural,
        Singular = AgentTask.KubeSingular,
        Namespaced = true,
        ShortNames = [AgentTask.KubeShortName],
        Categories = ["airlock"],
        PrinterColumns =
        [
            Column("Phase", "string", ".status.phase", "Where the task is in its life."),
            Column("Runtime", "string", ".spec.runtimeClassName", "RuntimeClass of the sandbox."),
            Column("Age", "date", ".metadata.creationTimestamp", "Time since the task was created."),
            Column("Reason", "string", ".status.reason", "Reason of the most recently changed condition."),
        ],
    };

    public static readonly CrdDefinition ClusterAgentPolicies = new()
    {
        EntityType = typeof(ClusterAgentPolicy),
        Kind = ClusterAgentPolicy.KubeKind,
        Plural = ClusterAgentPolicy.KubePlural,
        Singular = ClusterAgentPolicy.KubeSingular,
        Namespaced = false,
        ShortNames = [ClusterAgentPolicy.KubeShortName],
        Categories = ["airlock"],
        PrinterColumns =
        [
            Column("Default-Runtime", "string", ".spec.defaultRuntimeClass", "RuntimeClass of tasks that name none."),
            Column("Age", "date", ".metadata.creationTimestamp", "Time since the policy was created."),
        ],
    };

    public static readonly IReadOnlyList<CrdDefinition> All = [AgentTasks, ClusterAgentPolicies];

    private static V1CustomResourceColumnDefinition Column(string name, string type, string path, string description) =>
        new() { Name = name, Type = type, JsonPath = path, Description = description };
}
