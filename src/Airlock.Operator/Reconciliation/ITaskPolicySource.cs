using Airlock.Api.Tasks;
using Airlock.Operator.Policies;

namespace Airlock.Operator.Reconciliation;

/// <summary>The effective policy for a task's namespace.</summary>
public interface ITaskPolicySource
{
    EffectivePolicy For(AgentTask task);
}
