using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Airlock.Operator.Validation;
using k8s.Models;

namespace Airlock.Operator.Manifests;

/// <summary>
/// Checks a JSON object against a structural OpenAPI schema the way the API server would: unknown fields, types,
/// required fields, enums, patterns and bounds. Used offline by <c>airlock validate</c> with the generated CRD schemas.
/// </summary>
public static class SchemaChecker
{
    /// <summary>
    /// The problems of <paramref name="node"/>. Unknown fields and values of the wrong type are also removed from it, so
    /// what remains can be read into the C# types and checked further: pass a copy when the original matters.
    /// </summary>
    public static IReadOnlyList<FieldProblem> CheckAndPrune(JsonNode? node, V1JSONSchemaProps schema)
    {
        var problems = new List<FieldProblem>();
        Walk(node, schema, "", problems);
        return problems;
    }

    /// <summary>Returns false when the value cannot be read as the schema's type (the caller removes it).</summary>
    private static bool Walk(JsonNode? node, V1JSONSchemaProps schema, string path, List<FieldProblem> problems)
    {
        if (node is null) return true;
        var field = path.Length == 0 ? "(root)" : path;
        if (schema.XKubernetesIntOrString == true)
        {
            if (node is not JsonValue v || v.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problems.Add(new(field, "must be an integer or a string"));
                return false;
            }
            CheckString(v, schema, field, problems);
            return true;
        }
        switch (schema.Type)
        {
            case "object":
                if (node is not JsonObject obj)
                {
                    problems.Add(new(field, $"must be an object, not {Describe(node)}"));
                    return false;
                }
                foreach (var required in schema.Required ?? [])
                {
                    if (obj[required] is null) problems.Add(new(Join(path, required), "is required"));
                }
                var unreadable = new List<string>();
                foreach (var (name, child) in obj)
                {
                    var keep = true;
                    if (schema.Properties?.TryGetValue(name, out var childSchema) == true) keep = Walk(child, childSchema, Join(path, name), problems);
                    else if (schema.AdditionalProperties is V1JSONSchemaProps values) keep = Walk(child, values, Join(path, name), problems);
                    else if (schema.XKubernetesPreserveUnknownFields != true && schema.Properties is not null)
                    {
                        problems.Add(new(Join(path, name), "is not a known field; check its spelling and indentation (kubectl explain agenttask.spec)"));
                        keep = false;
                    }
                    if (!keep) unreadable.Add(name);
                }
                unreadable.ForEach(name => obj.Remove(name));
                return true;
            case "array":
                if (node is not JsonArray array)
                {
                    problems.Add(new(field, $"must be a list, not {Describe(node)}"));
                    return false;
                }
                if (schema.MinItems is { } min && array.Count < min) problems.Add(new(field, $"needs at least {min} item(s)"));
                if (schema.MaxItems is { } max && array.Count > max) problems.Add(new(field, $"has {array.Count} items; at most {max} are allowed"));
                var bad = Enumerable.Range(0, array.Count)
                    .Where(i => schema.Items is V1JSONSchemaProps items && (array[i] is null ? Null($"{path}[{i}]", problems) : !Walk(array[i], items, $"{path}[{i}]", problems)))
                    .ToList();
                for (var i = bad.Count - 1; i >= 0; i--) array.RemoveAt(bad[i]);
                return true;
            case "string":
                if (node is not JsonValue s || s.GetValueKind() != JsonValueKind.String)
                {
                    problems.Add(new(field, $"must be a string, not {Describe(node)}; quote it"));
                    return false;
                }
                CheckString(s, schema, field, problems);
                return true;
            case "integer" or "number":
                if (node is not JsonValue n || n.GetValueKind() != JsonValueKind.Number || (schema.Type == "integer" && !n.TryGetValue<long>(out _)))
                {
                    problems.Add(new(field, $"must be {(schema.Type == "integer" ? "an integer" : "a number")}, not {Describe(node)}"));
                    return false;
                }
                var value = double.Parse(n.ToJsonString(), CultureInfo.InvariantCulture);
                if (value < schema.Minimum) problems.Add(new(field, $"{value} is less than the minimum {schema.Minimum}"));
                if (value > schema.Maximum) problems.Add(new(field, $"{value} is more than the maximum {schema.Maximum}"));
                return true;
            case "boolean":
                if (node is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return true;
                problems.Add(new(field, $"must be true or false, not {Describe(node)}"));
                return false;
            default:
                return true;
        }
    }

    private static void CheckString(JsonValue value, V1JSONSchemaProps schema, string field, List<FieldProblem> problems)
    {
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        if (schema.EnumProperty is { Count: > 0 } allowed && !allowed.Select(a => a?.ToString()).Contains(text))
            problems.Add(new(field, $"\"{text}\" is not one of {string.Join(", ", allowed)}"));
        if (schema.MinLength is { } min && text.Length < min) problems.Add(new(field, $"must be at least {min} character(s)"));
        if (schema.MaxLength is { } max && text.Length > max) problems.Add(new(field, $"is {text.Length} characters; at most {max} are allowed"));
        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            problems.Add(new(field, $"\"{text}\" does not match the expected form ({pattern})"));
        if (schema.Format == "date-time" && !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
            problems.Add(new(field, $"\"{text}\" is not an RFC 3339 time; write e.g. 2026-11-26T12:00:00Z"));
    }

    /// <summary>A null list item is refused (and removed) like the API server does for non-nullable items.</summary>
    private static bool Null(string field, List<FieldProblem> problems)
    {
        problems.Add(new(field, "must not be null; remove the empty item"));
        return true;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonNode node) => node switch
    {
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the string \"{v.GetValue<string>()}\"",
            JsonValueKind.Number => $"the number {v.ToJsonString()}",
            _ => v.ToJsonString(),
        },
        _ => "something else",
    };
}
