using Airlock.Api;
using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Operator.Sandbox;

/// <summary>Metadata every child of a task carries: namespace, labels and a controller owner reference to the task.</summary>
public static class ChildMetadata
{
    public static V1ObjectMeta For(AgentTask task, string name, string component) => new()
    {
        Name = name,
        NamespaceProperty = task.Metadata.NamespaceProperty,
        Labels = Labels(task, component),
        OwnerReferences = [OwnerReference(task)],
    };

    /// <summary>The labels of a child; <c>agents.airlock.dev/task</c> selects the sandbox pod in the NetworkPolicy.</summary>
    public static Dictionary<string, string> Labels(AgentTask task, string component) => new()
    {
        [AirlockLabels.Task] = SandboxNames.TaskLabelValue(task.Metadata.Name),
        [AirlockLabels.ManagedBy] = AirlockLabels.ManagedByValue,
        [AirlockLabels.Component] = component,
    };

    /// <summary>Controller reference: the garbage collector deletes the child with the task, and blocks the task's foreground deletion on it.</summary>
    public static V1OwnerReference OwnerReference(AgentTask task) => new()
    {
        ApiVersion = AgentTask.KubeApiVersion,
        Kind = AgentTask.KubeKind,
        Name = task.Metadata.Name,
        Uid = task.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
