using Airlock.Api.Tasks;
using Airlock.Operator.Status;

namespace Airlock.Operator.Governance.Approval;

/// <summary>Decides whether the approval recorded on a task counts.</summary>
public interface IApprovalVerifier
{
    /// <summary>The verified approval, or null with the reason it does not count (null, null when the task records none).</summary>
    (VerifiedApproval? Approval, string? Problem) Verify(AgentTask task);
}
