namespace Airlock.Api.Tasks;

/// <summary>Reasons (CamelCase, as metav1.Condition requires) used in AgentTask conditions.</summary>
public static class AgentTaskConditionReasons
{
    public const string ApprovalNotRequired = "ApprovalNotRequired";
    public const string AwaitingApproval = "AwaitingApproval";
    public const string ApprovedByHuman = "ApprovedByHuman";
    public const string RejectedByHuman = "RejectedByHuman";

    public const string Creating = "Creating";
    public const string PodPending = "PodPending";
    public const string PodRunning = "PodRunning";
    public const string PodFinished = "PodFinished";
    public const string SandboxLost = "SandboxLost";
    public const string SandboxStopped = "SandboxStopped";

    /// <summary>The sandbox pod was changed after it was created (labels, image, an attached ephemeral container): the task fails.</summary>
    public const string SandboxTampered = "SandboxTampered";

    /// <summary>The sandbox pod never reached Running within the operator's start timeout (e.g. a missing RuntimeClass).</summary>
    public const string SandboxStartTimeout = "SandboxStartTimeout";

    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string DeadlineExceeded = "DeadlineExceeded";

    public const string QuarantineRequested = "QuarantineRequested";

    /// <summary>The task (still without a sandbox) does not satisfy the current policy: it is rejected with the reasons.</summary>
    public const string PolicyViolation = "PolicyViolation";

    public const string SpecCurrent = "SpecCurrent";
    public const string SpecChangedAfterStart = "SpecChangedAfterStart";
}
