using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>Reads and writes <c>metadata.managedFields</c> in the API server's format (fieldsType FieldsV1).</summary>
internal static class ManagedFieldsCodec
{
    public static bool HasEntries(JsonObject? obj) => obj?["metadata"]?["managedFields"] is JsonArray { Count: > 0 };

    public static List<ManagedFieldsEntry> Read(JsonObject? obj)
    {
        var entries = new List<ManagedFieldsEntry>();
        if (obj?["metadata"]?["managedFields"] is not JsonArray list)
        {
            return entries;
        }
        foreach (var item in list.OfType<JsonObject>())
        {
            var manager = Text(item, "manager");
            var operation = Text(item, "operation");
            if (manager is null || operation is null)
            {
                continue;
            }
            entries.Add(new ManagedFieldsEntry
            {
                Manager = manager,
                Operation = operation,
                Subresource = Text(item, "subresource"),
                ApiVersion = Text(item, "apiVersion") ?? "",
                Time = Text(item, "time"),
                Fields = FieldSet.FromJson(item["fieldsV1"] as JsonObject),
            });
        }
        return entries;
    }

    /// <summary>Writes the non-empty entries into a copy's metadata (removing managedFields when none is left).</summary>
    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }
        var list = new JsonArray();
        foreach (var entry in entries.Where(e => !e.Fields.IsEmpty))
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
            };
            if (entry.Time is not null)
            {
                json["time"] = entry.Time;
            }
            json["fieldsType"] = "FieldsV1";
            json["fieldsV1"] = entry.Fields.ToJson();
            if (!string.IsNullOrEmpty(entry.Subresource))
            {
                json["subresource"] = entry.Subresource;
            }
            list.Add(json);
        }
        if (list.Count == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = list;
        }
    }

    private static string? Text(JsonObject item, string name) =>
        item[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
