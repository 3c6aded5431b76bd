using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Stores.Audit;

/// <summary>
/// How records are linked: the hash is the SHA-256 (lower-case hex) of a JSON array holding the previous hash and every field
/// of the record in a fixed order, the data as its compact JSON text. A JSON array keeps field boundaries unambiguous.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first record ever written.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Times are stored as fixed-width round-trip UTC text, so they sort as text and hash the same after a round trip.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal);

    /// <summary>The compact JSON text of the data, as stored and hashed.</summary>
    public static string DataText(JsonObject data) => data.ToJsonString();

    public static string ComputeHash(long sequence, string time, string kind, string @namespace, string task, string? pod, string dataText, string previousHash)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + dataText.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(previousHash);
            writer.WriteNumberValue(sequence);
            writer.WriteStringValue(time);
            writer.WriteStringValue(kind);
            writer.WriteStringValue(@namespace);
            writer.WriteStringValue(task);
            if (pod is null) writer.WriteNullValue();
            else writer.WriteStringValue(pod);
            writer.WriteRawValue(dataText, skipInputValidation: true);
            writer.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The hash a record should carry, recomputed from its fields.</summary>
    public static string ComputeHash(AuditRecord record) =>
        ComputeHash(record.Sequence, FormatTime(record.Time), record.Kind, record.Namespace, record.Task, record.Pod, DataText(record.Data), record.PreviousHash);

    /// <summary>Makes the next record of a chain from an entry.</summary>
    public static AuditRecord Link(long sequence, DateTimeOffset time, string kind, string @namespace, string task, string? pod, string dataText, string previousHash)
    {
        var timeText = FormatTime(time);
        var hash = ComputeHash(sequence, timeText, kind, @namespace, task, pod, dataText, previousHash);
        return new AuditRecord(sequence, ParseTime(timeText), kind, @namespace, task, pod, ParseData(dataText), previousHash, hash);
    }

    /// <summary>Makes the next record of a chain from an entry whose data object is already at hand (not parsed again).</summary>
    public static AuditRecord Link(long sequence, DateTimeOffset time, string kind, string @namespace, string task, string? pod, string dataText, JsonObject data, string previousHash)
    {
        var timeText = FormatTime(time);
        var hash = ComputeHash(sequence, timeText, kind, @namespace, task, pod, dataText, previousHash);
        return new AuditRecord(sequence, ParseTime(timeText), kind, @namespace, task, pod, data, previousHash, hash);
    }

    /// <summary>A stored row back as a record.</summary>
    public static AuditRecord FromStored(long sequence, string time, string kind, string @namespace, string task, string? pod, string dataText, string previousHash, string hash) =>
        new(sequence, ParseTime(time), kind, @namespace, task, pod, ParseData(dataText), previousHash, hash);

    private static JsonObject ParseData(string text) => JsonNode.Parse(text) as JsonObject ?? [];
}
