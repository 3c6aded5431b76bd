using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>Array and object value validations: item and property counts, uniqueItems and <c>x-kubernetes-list-type</c> uniqueness.</summary>
public static class CollectionRules
{
    public static void CheckArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (SchemaView.Long(schema, "maxItems") is { } max && array.Count > max)
        {
            errors.Add(SchemaErrors.TooMany(path, array.Count, max));
        }
        if (SchemaView.Long(schema, "minItems") is { } min && array.Count < min)
        {
            errors.Add(SchemaErrors.InvalidRaw(path, array.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{path} in body should have at least {min} items"));
        }
        if (SchemaView.Flag(schema, "uniqueItems") && HasDuplicates(array))
        {
            errors.Add(SchemaErrors.InvalidRaw(path, "\"\"", $"{path} in body shouldn't contain duplicates"));
        }
        switch (JsonKinds.AsString(schema["x-kubernetes-list-type"]))
        {
            case "set":
                for (var i = 0; i < array.Count; i++)
                {
                    if (array.Take(i).Any(earlier => JsonNode.DeepEquals(earlier, array[i])))
                    {
                        errors.Add(SchemaErrors.Duplicate(SchemaErrors.Index(path, i), array[i]));
                    }
                }
                break;
            case "map":
                var keys = SchemaView.Strings(schema, "x-kubernetes-list-map-keys").ToList();
                var seen = new List<JsonObject>();
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not JsonObject item)
                    {
                        continue;
                    }
                    var key = new JsonObject();
                    foreach (var k in keys.Where(item.ContainsKey))
                    {
                        key[k] = item[k]?.DeepClone();
                    }
                    if (seen.Any(s => JsonNode.DeepEquals(s, key)))
                    {
                        errors.Add(SchemaErrors.Duplicate(SchemaErrors.Index(path, i), key));
                    }
                    seen.Add(key);
                }
                break;
        }
    }

    public static void CheckObjectSize(JsonObject obj, JsonObject schema, string path, List<FieldError> errors)
    {
        if (SchemaView.Long(schema, "maxProperties") is { } max && obj.Count > max)
        {
            errors.Add(SchemaErrors.TooMany(path, obj.Count, max));
        }
        if (SchemaView.Long(schema, "minProperties") is { } min && obj.Count < min)
        {
            errors.Add(SchemaErrors.InvalidRaw(path, obj.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{path} in body should have at least {min} properties"));
        }
    }

    private static bool HasDuplicates(JsonArray array)
    {
        for (var i = 1; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonNode.DeepEquals(array[i], array[j]))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
