using System.CommandLine;
using Airlock.Api;

namespace Airlock.Cli.Commands;

/// <summary>`airlock quarantine NAME -n NS [--reason]`: stop a task at once; its pod (and token) go, its NetworkPolicy stays (verb quarantine).</summary>
internal static class QuarantineCommand
{
    public static Command Create() => DecisionCommand.Create(
        "quarantine",
        "Quarantine a task: its sandbox pod is deleted at once and the task ends as Quarantined (you need the verb quarantine on agenttasks).",
        reason => new() { [AirlockAnnotations.Quarantine] = reason is { Length: > 0 } ? reason : "quarantined by hand (airlock quarantine)" },
        task => $"quarantined by {DecisionCommand.Annotation(task, AirlockAnnotations.QuarantinedBy)}",
        withReason: true);
}
