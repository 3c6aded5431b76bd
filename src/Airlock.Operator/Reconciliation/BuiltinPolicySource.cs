using Airlock.Api.Tasks;
using Airlock.Operator.Policies;

namespace Airlock.Operator.Reconciliation;

/// <summary>The built-in default for every task: what applies when no ClusterAgentPolicy exists.</summary>
public sealed class BuiltinPolicySource : ITaskPolicySource
{
    public static BuiltinPolicySource Instance { get; } = new();

    public EffectivePolicy For(AgentTask task) => BuiltinPolicy.Effective;
}
