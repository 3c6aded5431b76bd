namespace Airlock.Operator.Governance.Quarantine;

/// <summary>A signal that a task misbehaves: which task, who noticed (gateway, egress proxy), why, and when.</summary>
/// <param name="TaskUid">The task's uid when the signal names it (an Event's involvedObject); null matches any.</param>
public sealed record AnomalyReport(string Namespace, string Task, string? TaskUid, string Source, string Reason, string Message, DateTime Time);
