using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server.Tables;

/// <summary>
/// meta.k8s.io/v1 Table output (what <c>kubectl get</c> asks for): NAME, the kind's printer columns, AGE; pods as kubectl
/// prints them (READY, STATUS, RESTARTS). Rows carry the object as PartialObjectMetadata unless asked otherwise.
/// </summary>
public sealed class TableBuilder(TimeProvider time)
{
    private readonly TimeProvider _time = time;

    public static bool WantsTable(string? accept) => accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public JsonObject Build(ResourceType type, IEnumerable<JsonObject> objects, bool includeColumns, string includeObject, string? resourceVersion = null,
        string? continueToken = null, long? remaining = null)
    {
        var columns = Columns(type);
        var metadata = new JsonObject();
        if (resourceVersion is not null) metadata["resourceVersion"] = resourceVersion;
        if (continueToken is not null) metadata["continue"] = continueToken;
        if (remaining is not null) metadata["remainingItemCount"] = remaining;
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = includeColumns
                ? new JsonArray(columns.Select(c => (JsonNode)new JsonObject
                {
                    ["name"] = c.Column.Name,
                    ["type"] = c.Column.Type,
                    ["format"] = c.Column.Format,
                    ["description"] = c.Column.Description,
                    ["priority"] = c.Column.Priority,
                }).ToArray())
                : new JsonArray(),
        };
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var row = new JsonObject { ["cells"] = new JsonArray(columns.Select(c => c.Cell(obj)).ToArray()) };
            if (includeObject == "Object") row["object"] = obj.DeepClone();
            else if (includeObject != "None") row["object"] = PartialMetadata(obj);
            rows.Add(row);
        }
        table["rows"] = rows;
        return table;
    }

    private static JsonObject PartialMetadata(JsonObject obj)
    {
        var meta = (obj["metadata"] as JsonObject)?.DeepClone().AsObject() ?? [];
        meta.Remove("managedFields");
        return new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = meta };
    }

    private List<(PrinterColumn Column, Func<JsonObject, JsonNode?> Cell)> Columns(ResourceType type)
    {
        var name = (new PrinterColumn("Name", "string", ".metadata.name", "Name must be unique within a namespace.", 0, "name"),
            (Func<JsonObject, JsonNode?>)(o => ObjectMeta.Name(o)));
        var age = (new PrinterColumn("Age", "string", ".metadata.creationTimestamp",
            "CreationTimestamp is a timestamp representing the server time when this object was created."), (Func<JsonObject, JsonNode?>)Age);
        if (type.Group.Length == 0 && type.Resource == "pods")
        {
            return
            [
                name,
                (new PrinterColumn("Ready", "string", "", "The aggregate readiness state of this pod for accepting traffic."), PodCells.Ready),
                (new PrinterColumn("Status", "string", "", "The aggregate status of the containers in this pod."), PodCells.Status),
                (new PrinterColumn("Restarts", "string", "", "The number of times the containers in this pod have been restarted."), PodCells.Restarts),
                age,
                (new PrinterColumn("IP", "string", ".status.podIP", "IP address allocated to the pod.", 1), o => Cell(o, ".status.podIP", "string") ?? "<none>"),
                (new PrinterColumn("Node", "string", ".spec.nodeName", "Name of the Node this pod is assigned to.", 1), o => Cell(o, ".spec.nodeName", "string") ?? "<none>"),
            ];
        }
        var columns = new List<(PrinterColumn, Func<JsonObject, JsonNode?>)> { name };
        foreach (var column in type.PrinterColumns)
        {
            // Custom resources show date columns as ages (as the CRD table convertor does); built-ins show the timestamp.
            columns.Add((column, o => column.Type == "date" && type.IsCustom ? AgeAt(o, column.JsonPath) : Cell(o, column.JsonPath, column.Type)));
        }
        var showsCreation = type.PrinterColumns.Any(c => c.JsonPath == ".metadata.creationTimestamp");
        if (type.IsCustom ? type.PrinterColumns.Count == 0 : !showsCreation) columns.Add(age);
        return columns;
    }

    private JsonNode? Age(JsonObject obj) => AgeAt(obj, ".metadata.creationTimestamp");

    private JsonNode? AgeAt(JsonObject obj, string path)
    {
        var values = SimpleJsonPath.Evaluate(obj, path);
        var text = values.Count > 0 && values[0] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return ObjectMeta.ParseTimestamp(text) is { } t ? HumanDuration.Format(_time.GetUtcNow() - t) : "<unknown>";
    }

    /// <summary>A column value: scalars keep their JSON type, several matches are joined with commas, nothing is null.</summary>
    private static JsonNode? Cell(JsonObject obj, string path, string type)
    {
        var values = SimpleJsonPath.Evaluate(obj, path);
        if (values.Count == 0) return null;
        if (values.Count == 1 && values[0] is JsonValue single && type is "integer" or "number" or "boolean") return single.DeepClone();
        return string.Join(",", values.Select(v => ObjectMeta.ScalarText(v) ?? v.ToJsonString()));
    }
}
