using System.Text;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server.Protobuf;

/// <summary>
/// Decodes <c>application/vnd.kubernetes.protobuf</c> request bodies (the <c>k8s\0</c> magic, a runtime.Unknown envelope,
/// then the object) into JSON, for the kinds in <see cref="ProtoSchemas"/>. client-go's typed clientsets send protobuf by
/// default, so kubectl's <c>create configmap</c>, <c>create token</c> and <c>auth can-i</c> arrive this way.
/// </summary>
public static class ProtobufBody
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject Decode(byte[] body)
    {
        if (body.Length < Magic.Length || !body.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw ApiError.BadRequest("the protobuf body does not start with the Kubernetes magic number");
        }
        try
        {
            string apiVersion = "", kind = "";
            ReadOnlyMemory<byte> raw = default;
            var envelope = new ProtoReader(body.AsMemory(Magic.Length));
            while (envelope.TryReadTag(out var field, out var wire))
            {
                if (field == 1 && wire == 2)
                {
                    var typeMeta = new ProtoReader(envelope.ReadBytes());
                    while (typeMeta.TryReadTag(out var f, out var w))
                    {
                        if (f == 1 && w == 2) apiVersion = typeMeta.ReadString();
                        else if (f == 2 && w == 2) kind = typeMeta.ReadString();
                        else typeMeta.Skip(w);
                    }
                }
                else if (field == 2 && wire == 2) raw = envelope.ReadBytes();
                else envelope.Skip(wire);
            }
            if (!ProtoSchemas.Messages.ContainsKey(kind))
            {
                throw ApiError.UnsupportedMediaType($"application/vnd.kubernetes.protobuf (kind {kind}; send application/json)");
            }
            var obj = Message(kind, raw);
            obj["apiVersion"] = apiVersion;
            obj["kind"] = kind;
            return obj;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidDataException or DecoderFallbackException)
        {
            throw ApiError.BadRequest($"the protobuf body is malformed: {e.Message}");
        }
    }

    private static JsonObject Message(string message, ReadOnlyMemory<byte> bytes)
    {
        var schema = ProtoSchemas.Messages[message];
        var obj = new JsonObject();
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var number, out var wire))
        {
            if (!schema.TryGetValue(number, out var field))
            {
                reader.Skip(wire);
                continue;
            }
            switch (field.Kind)
            {
                case ProtoKind.MapStringString or ProtoKind.MapStringBytes:
                    var map = obj[field.Name] as JsonObject ?? [];
                    var (key, value) = MapEntry(reader.ReadBytes());
                    map[key] = field.Kind == ProtoKind.MapStringString ? Encoding.UTF8.GetString(value.Span) : Convert.ToBase64String(value.Span);
                    obj[field.Name] = map;
                    break;
                default:
                    var node = Value(field, reader, wire);
                    if (field.Repeated)
                    {
                        var array = obj[field.Name] as JsonArray ?? [];
                        array.Add(node);
                        obj[field.Name] = array;
                    }
                    else if (!IsGoZero(node))
                    {
                        // gogo-protobuf writes every non-pointer scalar; JSON would omit the empty ones (omitempty).
                        obj[field.Name] = node;
                    }
                    break;
            }
        }
        return obj;
    }

    private static JsonNode? Value(ProtoField field, ProtoReader reader, int wire) => field.Kind switch
    {
        ProtoKind.String => reader.ReadString(),
        ProtoKind.Int64 => (long)reader.ReadVarint(),
        ProtoKind.Int32 => (int)reader.ReadVarint(),
        ProtoKind.Bool => reader.ReadVarint() != 0,
        ProtoKind.Bytes => Convert.ToBase64String(reader.ReadBytes().Span),
        ProtoKind.Message => Message(field.Message!, reader.ReadBytes()),
        ProtoKind.Time => Time(reader.ReadBytes()),
        _ => throw new InvalidDataException($"unexpected wire type {wire} for {field.Name}"),
    };

    private static bool IsGoZero(JsonNode? node) => node is JsonValue v
        && ((v.TryGetValue<string>(out var s) && s.Length == 0) || (v.TryGetValue<long>(out var l) && l == 0) || (v.TryGetValue<int>(out var i) && i == 0));

    private static string? Time(ReadOnlyMemory<byte> bytes)
    {
        long seconds = 0;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var f, out var w))
        {
            if (f == 1 && w == 0) seconds = (long)reader.ReadVarint();
            else reader.Skip(w);
        }
        return seconds <= 0 ? null : ObjectMeta.Timestamp(DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private static (string Key, ReadOnlyMemory<byte> Value) MapEntry(ReadOnlyMemory<byte> bytes)
    {
        var key = "";
        ReadOnlyMemory<byte> value = default;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out var f, out var w))
        {
            if (f == 1 && w == 2) key = reader.ReadString();
            else if (f == 2 && w == 2) value = reader.ReadBytes();
            else reader.Skip(w);
        }
        return (key, value);
    }
}
