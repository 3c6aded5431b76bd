namespace Airlock.Stores.Audit;

/// <summary>An entry waiting for the writer: its data already frozen as JSON text, and who to tell once it is durable.</summary>
public sealed class PendingAppend(AuditEntry entry)
{
    public string Kind { get; } = entry.Kind;

    public string Namespace { get; } = entry.Namespace;

    public string Task { get; } = entry.Task;

    public string? Pod { get; } = entry.Pod;

    /// <summary>Frozen at append time, so later changes to the caller's JsonObject do not reach the log.</summary>
    public string DataText { get; } = AuditChain.DataText(entry.Data);

    /// <summary>The caller's data object, handed back in the returned record (parsing <see cref="DataText"/> again would cost as much as writing it).</summary>
    internal System.Text.Json.Nodes.JsonObject Data { get; } = entry.Data;

    internal TaskCompletionSource<AuditRecord> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
