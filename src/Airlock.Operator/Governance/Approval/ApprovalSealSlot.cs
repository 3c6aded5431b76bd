using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Status;

namespace Airlock.Operator.Governance.Approval;

/// <summary>Holds the seal once the operator has loaded its key; until then no approval counts (fail closed).</summary>
public sealed class ApprovalSealSlot : IApprovalVerifier
{
    private volatile ApprovalSeal? _seal;

    public ApprovalSeal? Seal
    {
        get => _seal;
        set => _seal = value;
    }

    public (VerifiedApproval? Approval, string? Problem) Verify(AgentTask task)
    {
        if (_seal is { } seal) return seal.Verify(task);
        var recorded = task.Metadata?.Annotations?.ContainsKey(AirlockAnnotations.ApprovedBy) == true;
        return (null, recorded ? "the operator has not loaded its approval key yet, so no approval counts" : null);
    }
}
