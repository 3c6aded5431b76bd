using System.CommandLine;
using Airlock.Api;

namespace Airlock.Cli.Commands;

/// <summary>`airlock reject NAME -n NS [--reason]`: end a task that has not started as Rejected (needs the RBAC verb reject).</summary>
internal static class RejectCommand
{
    public static Command Create() => DecisionCommand.Create(
        "reject",
        "Reject a task that waits for a human; it ends as Rejected (you need the verb reject on agenttasks).",
        reason => reason is { Length: > 0 }
            ? new() { [AirlockAnnotations.RejectedBy] = "", [AirlockAnnotations.RejectionReason] = reason }
            : new() { [AirlockAnnotations.RejectedBy] = "" },
        task => $"rejected by {DecisionCommand.Annotation(task, AirlockAnnotations.RejectedBy)}",
        withReason: true);
}
