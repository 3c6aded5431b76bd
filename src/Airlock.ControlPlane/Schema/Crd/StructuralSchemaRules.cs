using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Schema.Validation;

namespace Airlock.ControlPlane.Schema.Crd;

/// <summary>
/// Whether a CRD's <c>openAPIV3Schema</c> is structural, as the apiextensions server requires: every specified node has a
/// type (unless int-or-string or preserve-unknown-fields), the root is an object, no <c>$ref</c>, no types inside
/// logical junctors, list-map keys declared; and every CEL rule compiles.
/// </summary>
public sealed class StructuralSchemaRules(CelRules cel)
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal) { "object", "array", "string", "integer", "number", "boolean" };

    public void CheckRoot(JsonObject schema, string path, List<FieldError> errors)
    {
        var type = SchemaView.Type(schema);
        if (type is null)
        {
            errors.Add(SchemaErrors.RequiredWithDetail(path + ".type", "must not be empty at the root"));
        }
        else if (type != "object")
        {
            errors.Add(SchemaErrors.InvalidRaw(path + ".type", GoValue.Quote(type), "must be object at the root"));
        }
        foreach (var forbidden in new[] { "nullable", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource" }.Where(k => SchemaView.Flag(schema, k)))
        {
            errors.Add(SchemaErrors.Forbidden($"{path}.{forbidden}", "must be false at the root"));
        }
        CheckNode(schema, path, errors, specified: false);
    }

    private void CheckNode(JsonObject schema, string path, List<FieldError> errors, bool specified)
    {
        var type = SchemaView.Type(schema);
        var anyType = SchemaView.IsIntOrString(schema) || SchemaView.PreservesUnknownFields(schema);
        if (specified && type is null && !anyType)
        {
            errors.Add(SchemaErrors.RequiredWithDetail(path + ".type", "must not be empty for specified fields"));
        }
        if (type is not null && !KnownTypes.Contains(type))
        {
            errors.Add(SchemaErrors.NotSupported(path + ".type", schema["type"], KnownTypes.Order().Select(t => (JsonNode?)JsonValue.Create(t))));
        }
        if (schema.ContainsKey("$ref"))
        {
            errors.Add(SchemaErrors.Forbidden(path + ".$ref", "$ref is not supported"));
        }
        if (SchemaView.Properties(schema) is not null && schema["additionalProperties"] is JsonObject or JsonValue)
        {
            errors.Add(SchemaErrors.Forbidden(path + ".additionalProperties", "additionalProperties and properties are mutual exclusive"));
        }
        if (SchemaView.IsEmbeddedResource(schema) && type != "object")
        {
            errors.Add(SchemaErrors.InvalidRaw(path + ".type", GoValue.Quote(type ?? ""), "must be object if x-kubernetes-embedded-resource is true"));
        }
        CheckListType(schema, path, errors);
        CheckRules(schema, path, errors);
        foreach (var junctor in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[junctor] is JsonArray branches)
            {
                for (var i = 0; i < branches.Count; i++)
                {
                    CheckJunctorBranch(branches[i] as JsonObject, $"{path}.{junctor}[{i}]", errors, allowTypes: SchemaView.IsIntOrString(schema));
                }
            }
        }
        CheckJunctorBranch(schema["not"] as JsonObject, path + ".not", errors, allowTypes: false);

        foreach (var (name, child) in SchemaView.Properties(schema) ?? [])
        {
            if (child is JsonObject childSchema)
            {
                CheckNode(childSchema, $"{path}.properties[{name}]", errors, specified: true);
            }
        }
        if (SchemaView.Items(schema) is { } items)
        {
            CheckNode(items, path + ".items", errors, specified: true);
        }
        else if (type == "array")
        {
            errors.Add(SchemaErrors.RequiredWithDetail(path + ".items", "must be specified"));
        }
        if (schema["additionalProperties"] is JsonObject additional)
        {
            CheckNode(additional, path + ".additionalProperties", errors, specified: true);
        }
    }

    private static void CheckListType(JsonObject schema, string path, List<FieldError> errors)
    {
        var listType = JsonKinds.AsString(schema["x-kubernetes-list-type"]);
        if (listType is null)
        {
            return;
        }
        if (listType is not ("atomic" or "set" or "map"))
        {
            errors.Add(SchemaErrors.NotSupported(path + ".x-kubernetes-list-type", schema["x-kubernetes-list-type"],
                ["atomic", "map", "set"]));
        }
        if (listType == "map")
        {
            var keys = SchemaView.Strings(schema, "x-kubernetes-list-map-keys").ToList();
            if (keys.Count == 0)
            {
                errors.Add(SchemaErrors.RequiredWithDetail(path + ".x-kubernetes-list-map-keys", "must not be empty if x-kubernetes-list-type is map"));
            }
            var itemProperties = SchemaView.Items(schema) is { } items ? SchemaView.Properties(items) : null;
            var required = SchemaView.Items(schema) is { } i ? SchemaView.Strings(i, "required").ToHashSet() : [];
            foreach (var key in keys)
            {
                if (itemProperties?[key] is not JsonObject keySchema)
                {
                    errors.Add(SchemaErrors.InvalidRaw(path + ".x-kubernetes-list-map-keys", GoValue.Quote(key), "entries must all be names of item properties"));
                }
                else if (!required.Contains(key) && keySchema["default"] is null)
                {
                    errors.Add(SchemaErrors.RequiredWithDetail($"{path}.items.properties[{key}].default",
                        "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
                }
            }
        }
    }

    private void CheckRules(JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["x-kubernetes-validations"] is not JsonArray rules)
        {
            return;
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var rulePath = $"{path}.x-kubernetes-validations[{i}]";
            var rule = JsonKinds.AsString(rules[i]?["rule"]);
            if (string.IsNullOrWhiteSpace(rule))
            {
                errors.Add(SchemaErrors.Required(rulePath + ".rule"));
                continue;
            }
            if (cel.CompileError(rule) is { } problem)
            {
                errors.Add(SchemaErrors.InvalidRaw(rulePath + ".rule", GoValue.Quote(rule), "compilation failed: " + problem));
            }
            if (JsonKinds.AsString(rules[i]?["messageExpression"]) is { Length: > 0 } expression && cel.CompileError(expression) is { } messageProblem)
            {
                errors.Add(SchemaErrors.InvalidRaw(rulePath + ".messageExpression", GoValue.Quote(expression), "messageExpression compilation failed: " + messageProblem));
            }
            if (JsonKinds.AsString(rules[i]?["reason"]) is { } reason
                && reason is not ("FieldValueInvalid" or "FieldValueForbidden" or "FieldValueRequired" or "FieldValueDuplicate"))
            {
                errors.Add(SchemaErrors.NotSupported(rulePath + ".reason", rules[i]?["reason"],
                    ["FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate"]));
            }
        }
    }

    // Inside allOf/anyOf/oneOf/not only value validations are allowed: structure must come from the node itself
    // (except the anyOf: [{type: integer}, {type: string}] spelling of an int-or-string node).
    private static void CheckJunctorBranch(JsonObject? branch, string path, List<FieldError> errors, bool allowTypes)
    {
        if (branch is null)
        {
            return;
        }
        foreach (var key in new[] { "type", "additionalProperties", "default", "nullable", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource" })
        {
            if (branch.ContainsKey(key) && !(allowTypes && key == "type"))
            {
                errors.Add(SchemaErrors.Forbidden($"{path}.{key}", "must be empty to be structural"));
            }
        }
    }
}
