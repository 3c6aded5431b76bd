using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Egress.Identity;

/// <summary>A connection's owner: the sandbox pod it came from and that pod's Running task.</summary>
public sealed record CallerIdentity(V1Pod Pod, AgentTask Task)
{
    public string Namespace => Task.Metadata.NamespaceProperty;

    public string TaskName => Task.Metadata.Name;

    public string PodName => Pod.Metadata.Name;

    /// <summary>namespace/name of the task: the key of its quotas and counters.</summary>
    public string TaskKey => Namespace + "/" + TaskName;
}
