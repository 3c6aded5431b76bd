using Airlock.Api.Tasks;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>Records a quarantine on a task (the annotation the webhook checks and the reconciler acts on).</summary>
public interface ITaskQuarantiner
{
    Task QuarantineAsync(AgentTask task, string reason, CancellationToken cancellationToken);
}
