using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Server.Endpoints;

/// <summary>
/// The JSON of a stored snapshot, serialised once and shared by every watch that sends it. Snapshots are frozen (never
/// mutated after commit), so their serialisation never changes; the cache entry lives as long as the snapshot does.
/// </summary>
public static class WatchEventJson
{
    private static readonly ConditionalWeakTable<JsonObject, byte[]> Cache = [];

    /// <summary>The snapshot as written by <see cref="Http.ResponseWriter.WriterOptions"/> (what a watch sends).</summary>
    public static ReadOnlyMemory<byte> Of(JsonObject snapshot) => Cache.GetValue(snapshot, Serialize);

    private static byte[] Serialize(JsonObject snapshot)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Http.ResponseWriter.WriterOptions)) snapshot.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
