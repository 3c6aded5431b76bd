using Airlock.Api.Policies;

namespace Airlock.Operator.Governance.PolicyStatus;

/// <summary>Writes a ClusterAgentPolicy's status subresource (the API server in production, a recorder in tests).</summary>
public interface IPolicyStatusWriter
{
    Task WriteAsync(ClusterAgentPolicy policy, ClusterAgentPolicyStatus status, CancellationToken cancellationToken);
}
