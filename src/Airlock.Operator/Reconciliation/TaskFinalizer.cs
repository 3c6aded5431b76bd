using Airlock.Api;
using Airlock.Api.Tasks;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// The finalizer <c>agents.airlock.dev/cleanup</c>: the operator deletes the sandbox itself before a task goes, so an
/// orphaning delete (<c>--cascade=orphan</c>) or a cluster without garbage collection still leaves nothing running.
/// </summary>
public static class TaskFinalizer
{
    public const string Name = AgentsGroup.Name + "/cleanup";

    public static bool IsPresent(AgentTask task) => task.Metadata.Finalizers?.Contains(Name) == true;
}
