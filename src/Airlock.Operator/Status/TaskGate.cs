using Airlock.Operator.Validation;

namespace Airlock.Operator.Status;

/// <summary>
/// What governance decided about a task before its sandbox may be created: whether it needs a human approval, the
/// approval that was verified (never read from annotations by the calculator: annotations are user input), and the
/// problems it has against the current effective policy.
/// </summary>
public sealed record TaskGate
{
    public static TaskGate Open { get; } = new();

    public bool ApprovalRequired { get; init; }

    /// <summary>Why approval is required (shown while the task waits).</summary>
    public string? ApprovalReason { get; init; }

    /// <summary>An approval whose seal verified against the current spec; null when there is none.</summary>
    public VerifiedApproval? Approval { get; init; }

    /// <summary>Why an approval recorded on the task does not count (unsealed, or for an earlier spec); null when none.</summary>
    public string? ApprovalProblem { get; init; }

    /// <summary>Why the sandbox pod cannot be trusted any more (<see cref="PodTamper"/>); null when nothing shows it was changed.</summary>
    public string? Tampering { get; init; }

    /// <summary>Problems against the current policy; any of them rejects a task whose sandbox does not exist yet.</summary>
    public IReadOnlyList<FieldProblem> PolicyProblems { get; init; } = [];
}
