using System.Text.Json.Nodes;

namespace Airlock.Stores.Audit;

/// <summary>
/// What a component asks the audit log to record. <paramref name="Kind"/> names the event family
/// (<c>model.call</c>, <c>egress.attempt</c>, <c>admission.decision</c>, <c>task.quarantine</c>…); <paramref name="Data"/> its fields.
/// </summary>
public sealed record AuditEntry(string Kind, string Namespace, string Task, string? Pod, JsonObject Data);
