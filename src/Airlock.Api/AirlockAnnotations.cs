namespace Airlock.Api;

/// <summary>Annotations Airlock reads or writes; the admission webhook guards who may set the identity ones.</summary>
public static class AirlockAnnotations
{
    /// <summary>Identity of the user who created the task, recorded by the mutating webhook.</summary>
    public const string CreatedBy = AgentsGroup.Name + "/created-by";

    /// <summary>Groups of the creator (comma-separated), recorded by the mutating webhook with <see cref="CreatedBy"/>.</summary>
    public const string CreatedByGroups = AgentsGroup.Name + "/created-by-groups";

    /// <summary>Identity of the approver, set by <c>airlock approve</c> and checked by the webhook.</summary>
    public const string ApprovedBy = AgentsGroup.Name + "/approved-by";

    /// <summary>RFC 3339 time of the approval.</summary>
    public const string ApprovedAt = AgentsGroup.Name + "/approved-at";

    /// <summary>Identity of the user who rejected the task, set by <c>airlock reject</c>.</summary>
    public const string RejectedBy = AgentsGroup.Name + "/rejected-by";

    /// <summary>HMAC the webhook computes over the approval and the spec; the operator honours only approvals whose seal verifies.</summary>
    public const string ApprovalSeal = AgentsGroup.Name + "/approval-seal";

    /// <summary>
    /// On an anomaly Event of the gateway or the egress proxy: an HMAC under the shared signal key over the task, the reason,
    /// the reporting component, the message and the issue time. The operator quarantines only on Events whose seal verifies.
    /// </summary>
    public const string SignalSeal = AgentsGroup.Name + "/signal-seal";

    /// <summary>Why the task was rejected, set with <see cref="RejectedBy"/>.</summary>
    public const string RejectionReason = AgentsGroup.Name + "/rejection-reason";

    /// <summary>Present (value: the reason) when the task has been quarantined; its sandbox must stop.</summary>
    public const string Quarantine = AgentsGroup.Name + "/quarantine";

    /// <summary>Identity of whoever quarantined the task (a person, or the operator acting on an anomaly signal).</summary>
    public const string QuarantinedBy = AgentsGroup.Name + "/quarantined-by";

    /// <summary>SHA-256 of a desired child as built, so the reconciler compares one string instead of whole objects.</summary>
    public const string DesiredHash = AgentsGroup.Name + "/desired-hash";

    /// <summary>SHA-256 of the task spec (without <c>debug</c>) the pod was built from; detects later spec edits.</summary>
    public const string SpecHash = AgentsGroup.Name + "/spec-hash";
}
