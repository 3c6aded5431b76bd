using System.Text.Json.Nodes;

namespace Airlock.Stores.Audit;

/// <summary>
/// One stored audit record: the entry plus its position in the chain. <see cref="Hash"/> is the SHA-256 (lower-case hex) of
/// <see cref="PreviousHash"/> and the record's canonical content, so editing, removing or reordering any record breaks
/// every later link.
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset Time,
    string Kind,
    string Namespace,
    string Task,
    string? Pod,
    JsonObject Data,
    string PreviousHash,
    string Hash);
