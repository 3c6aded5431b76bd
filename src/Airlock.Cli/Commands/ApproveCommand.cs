using System.CommandLine;
using Airlock.Api;

namespace Airlock.Cli.Commands;

/// <summary>`airlock approve NAME -n NS`: approve a task waiting in AwaitingApproval (needs the RBAC verb approve; not the creator).</summary>
internal static class ApproveCommand
{
    public static Command Create() => DecisionCommand.Create(
        "approve",
        "Approve a task that waits for a human (you need the verb approve on agenttasks and must not be its creator).",
        _ => new() { [AirlockAnnotations.ApprovedBy] = "" },
        task => $"approved by {DecisionCommand.Annotation(task, AirlockAnnotations.ApprovedBy)} at {DecisionCommand.Annotation(task, AirlockAnnotations.ApprovedAt)}",
        withReason: false);
}
