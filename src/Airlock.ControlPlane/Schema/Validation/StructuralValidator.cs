using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>
/// Validates a (pruned, defaulted) value against its schema: types, nullable, enum, required, value validations,
/// allOf/anyOf/oneOf/not and, where a subtree is otherwise valid, its CEL rules. Built-in parts are only type-checked.
/// </summary>
public sealed class StructuralValidator(SchemaResolver resolver, CelRules cel)
{
    public void Validate(JsonNode? value, JsonObject schema, SchemaMode mode, string path, List<FieldError> errors)
    {
        (schema, mode) = resolver.Resolve(schema, mode);
        var before = errors.Count;
        if (value is null)
        {
            if (mode == SchemaMode.Structural && !SchemaView.IsNullable(schema) && ExpectedType(schema) is { } expected)
            {
                errors.Add(SchemaErrors.TypeInvalid(path, value, expected));
            }
            return;
        }
        if (!TypeMatches(value, schema, out var expectedType))
        {
            errors.Add(SchemaErrors.TypeInvalid(path, value, expectedType!));
            return;
        }
        if (mode == SchemaMode.Structural)
        {
            CheckValue(value, schema, path, errors);
        }
        switch (value)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, mode, path, errors);
                break;
            case JsonArray array when SchemaView.Items(schema) is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(array[i], items, mode, SchemaErrors.Index(path, i), errors);
                }
                break;
        }
        if (mode == SchemaMode.Structural && errors.Count == before)
        {
            cel.Check(value, schema, path, errors);
        }
    }

    private void ValidateObject(JsonObject obj, JsonObject schema, SchemaMode mode, string path, List<FieldError> errors)
    {
        if (SchemaView.IsEmbeddedResource(schema))
        {
            foreach (var required in new[] { "apiVersion", "kind" }.Where(k => JsonKinds.AsString(obj[k]) is not { Length: > 0 }))
            {
                errors.Add(SchemaErrors.RequiredWithDetail(SchemaErrors.Child(path, required), "must not be empty"));
            }
            schema = SchemaResolver.WithTypeAndObjectMeta(schema);
        }
        if (mode == SchemaMode.Structural)
        {
            foreach (var required in SchemaView.Strings(schema, "required").Where(r => !obj.ContainsKey(r)))
            {
                errors.Add(SchemaErrors.Required(SchemaErrors.Child(path, required)));
            }
        }
        var properties = SchemaView.Properties(schema);
        var additional = SchemaView.AdditionalProperties(schema);
        foreach (var (key, child) in obj)
        {
            if (properties?[key] is JsonObject propertySchema)
            {
                ValidateChild(child, propertySchema, mode, path, key, errors);
            }
            else if (additional is not null)
            {
                ValidateChild(child, additional, mode, path, key, errors);
            }
        }
    }

    /// <summary><see cref="Validate"/> of a property, whose path is printed only when needed for a built-in scalar.</summary>
    private void ValidateChild(JsonNode? child, JsonObject schema, SchemaMode mode, string path, string key, List<FieldError> errors)
    {
        if (mode == SchemaMode.Builtin && child is not (JsonObject or JsonArray))
        {
            // Built-in parts are only type-checked (see Validate): a scalar needs its path only for an error.
            var (resolved, _) = resolver.Resolve(schema, mode);
            if (child is not null && !TypeMatches(child, resolved, out var expected))
            {
                errors.Add(SchemaErrors.TypeInvalid(SchemaErrors.Child(path, key), child, expected!));
            }
            return;
        }
        Validate(child, schema, mode, SchemaErrors.Child(path, key), errors);
    }

    private void CheckValue(JsonNode value, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add(SchemaErrors.NotSupported(path, value, allowed));
        }
        switch (value)
        {
            case JsonValue v when JsonKinds.AsString(v) is { } s:
                ScalarRules.CheckString(s, schema, path, errors);
                break;
            case JsonValue v when JsonKinds.TypeOf(v) is "integer" or "number":
                ScalarRules.CheckNumber(v, schema, path, errors);
                break;
            case JsonArray array:
                CollectionRules.CheckArray(array, schema, path, errors);
                break;
            case JsonObject obj:
                CollectionRules.CheckObjectSize(obj, schema, path, errors);
                break;
        }
        CheckComposition(value, schema, path, errors);
    }

    // allOf/anyOf/oneOf/not in structural schemas carry value validations only (no types or properties).
    private void CheckComposition(JsonNode value, JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var branch in Branches(schema, "allOf"))
        {
            CheckValue(value, branch, path, errors);
        }
        var anyOf = Branches(schema, "anyOf").ToList();
        if (anyOf.Count > 0 && !anyOf.Any(b => Passes(value, b, path)))
        {
            errors.Add(SchemaErrors.Invalid(path, value, $"{path} in body must validate at least one schema (anyOf)"));
        }
        var oneOf = Branches(schema, "oneOf").ToList();
        if (oneOf.Count > 0 && oneOf.Count(b => Passes(value, b, path)) != 1)
        {
            errors.Add(SchemaErrors.Invalid(path, value, $"{path} in body must validate one and only one schema (oneOf)"));
        }
        if (schema["not"] is JsonObject not && Passes(value, not, path))
        {
            errors.Add(SchemaErrors.Invalid(path, value, $"{path} in body must not validate the schema (not)"));
        }
    }

    private bool Passes(JsonNode value, JsonObject branch, string path)
    {
        var scratch = new List<FieldError>();
        if (!TypeMatches(value, branch, out _))
        {
            return false;
        }
        CheckValue(value, branch, path, scratch);
        if (value is JsonObject obj)
        {
            scratch.AddRange(SchemaView.Strings(branch, "required").Where(r => !obj.ContainsKey(r)).Select(r => SchemaErrors.Required(r)));
        }
        return scratch.Count == 0;
    }

    private static IEnumerable<JsonObject> Branches(JsonObject schema, string keyword) =>
        schema[keyword] is JsonArray array ? array.OfType<JsonObject>() : [];

    private static string? ExpectedType(JsonObject schema) =>
        SchemaView.IsIntOrString(schema) ? "integer,string" : SchemaView.Type(schema);

    private static bool TypeMatches(JsonNode value, JsonObject schema, out string? expected)
    {
        var actual = JsonKinds.TypeOf(value);
        if (SchemaView.IsIntOrString(schema))
        {
            expected = "integer,string";
            return actual is "integer" or "string";
        }
        expected = SchemaView.Type(schema);
        if (expected is null)
        {
            // Quantity-like schemas: a oneOf of bare types.
            var types = Branches(schema, "oneOf").Select(SchemaView.Type).OfType<string>().ToList();
            if (types.Count == 0 || schema["oneOf"] is JsonArray a && a.Count != types.Count)
            {
                return true;
            }
            expected = string.Join(",", types);
            return types.Any(t => Accepts(t, actual));
        }
        return Accepts(expected, actual);
    }

    private static bool Accepts(string expected, string actual) => expected == actual || (expected == "number" && actual == "integer");
}
