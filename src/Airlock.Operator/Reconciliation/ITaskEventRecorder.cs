using Airlock.Api.Tasks;

namespace Airlock.Operator.Reconciliation;

/// <summary>Records Kubernetes Events on a task (<c>kubectl describe agenttask</c> shows them). Never throws.</summary>
public interface ITaskEventRecorder
{
    Task NormalAsync(AgentTask task, string reason, string message, CancellationToken cancellationToken);

    Task WarningAsync(AgentTask task, string reason, string message, CancellationToken cancellationToken);
}
