using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>Removes the value at a <see cref="FieldSet"/> path from an object (a field, a list-map item or a set item).</summary>
internal sealed class FieldPruner
{
    private readonly IFieldSchema _schema;

    public FieldPruner(IFieldSchema schema) => _schema = schema;

    public void Remove(JsonObject root, IReadOnlyList<string> path)
    {
        JsonNode? node = root;
        var fields = new List<string>();
        for (var i = 0; i < path.Count; i++)
        {
            var element = path[i];
            var last = i == path.Count - 1;
            switch (node)
            {
                case JsonObject obj when element.StartsWith("f:", StringComparison.Ordinal):
                    var name = element[2..];
                    fields.Add(name);
                    if (last)
                    {
                        obj.Remove(name);
                        return;
                    }
                    node = obj[name];
                    break;
                case JsonArray list:
                    var index = IndexOf(list, element, fields);
                    if (index < 0)
                    {
                        return;
                    }
                    if (last)
                    {
                        list.RemoveAt(index);
                        return;
                    }
                    node = list[index];
                    break;
                default:
                    return;
            }
        }
    }

    private int IndexOf(JsonArray list, string element, List<string> fields)
    {
        var strategy = _schema.ListAt(fields);
        for (var i = 0; i < list.Count; i++)
        {
            var matches = element.StartsWith("v:", StringComparison.Ordinal)
                ? FieldPath.Value(list[i]) == element
                : list[i] is JsonObject item && FieldPath.Key(item, strategy) == element;
            if (matches)
            {
                return i;
            }
        }
        return -1;
    }
}
