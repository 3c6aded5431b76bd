using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Storage.Watching;

/// <summary>
/// The JSON of a stored snapshot, produced once and shared: the store writes it when it commits a change (it re-parses
/// what it stores from exactly these bytes) and every watch that sends the change sends them as they are. Snapshots are
/// frozen, so their JSON never changes; an entry lives as long as its snapshot.
/// </summary>
public static class SnapshotJson
{
    /// <summary>Plain escaping (quotes as \", not \u0022), as the API server writes and as every response is written.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly ConditionalWeakTable<JsonObject, byte[]> Cache = [];

    /// <summary>The snapshot's JSON (serialised now if the store did not record it).</summary>
    public static ReadOnlyMemory<byte> Of(JsonObject snapshot) => Cache.GetValue(snapshot, Serialize);

    /// <summary>The JSON the store recorded for <paramref name="obj"/> when it is a stored snapshot; false for any other object.</summary>
    public static bool TryGet(JsonObject obj, out byte[] json) => Cache.TryGetValue(obj, out json!);

    /// <summary>Serialises <paramref name="obj"/> as a response would be written.</summary>
    public static byte[] Serialize(JsonObject obj)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) obj.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Records <paramref name="json"/> as the JSON of <paramref name="snapshot"/> (parsed from exactly these bytes).</summary>
    internal static void Remember(JsonObject snapshot, byte[] json) => Cache.AddOrUpdate(snapshot, json);
}
