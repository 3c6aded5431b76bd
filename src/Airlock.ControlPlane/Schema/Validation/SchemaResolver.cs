using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Schema.OpenApi;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>
/// Follows <c>$ref</c> (and the API server's <c>allOf: [{$ref}]</c> wrapper) to component schemas. Reaching a component means
/// leaving the custom (structural) part of a schema for a generated built-in one, which is checked leniently (see
/// <see cref="SchemaMode"/>).
/// </summary>
public sealed class SchemaResolver(Func<string, JsonObject?> component)
{
    private static readonly ConditionalWeakTable<JsonObject, JsonObject> EmbeddedViews = [];
    private static readonly Lock ViewGate = new();

    public (JsonObject Schema, SchemaMode Mode) Resolve(JsonObject schema, SchemaMode mode)
    {
        for (var depth = 0; depth < 8; depth++)
        {
            var reference = JsonKinds.AsString(schema["$ref"]);
            if (reference is null && schema["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject only
                && JsonKinds.AsString(only["$ref"]) is { } wrapped && schema["type"] is null && schema["properties"] is null)
            {
                reference = wrapped;
            }
            if (reference is null)
            {
                return (schema, mode);
            }
            var name = reference.StartsWith(SchemaNames.RefPrefix, StringComparison.Ordinal) ? reference[SchemaNames.RefPrefix.Length..] : reference;
            if (component(name) is not { } target)
            {
                return (new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true }, SchemaMode.Builtin);
            }
            schema = target;
            mode = SchemaMode.Builtin;
        }
        return (schema, mode);
    }

    /// <summary>
    /// The schema of an <c>x-kubernetes-embedded-resource</c> object (or a custom resource's root) with <c>apiVersion</c>,
    /// <c>kind</c> and <c>metadata</c> (ObjectMeta) declared, since those are always kept and checked.
    /// </summary>
    public static JsonObject WithTypeAndObjectMeta(JsonObject schema) => EmbeddedViews.GetValue(schema, static s =>
    {
        JsonObject view;
        lock (ViewGate)
        {
            view = (JsonObject)s.DeepClone(); // a parsed node materializes lazily: never read one from two threads at once
        }
        if (view["properties"] is not JsonObject properties)
        {
            properties = [];
            view["properties"] = properties;
        }
        properties["apiVersion"] = new JsonObject { ["type"] = "string" };
        properties["kind"] = new JsonObject { ["type"] = "string" };
        properties["metadata"] = new JsonObject { ["$ref"] = SchemaNames.Ref(SchemaNames.ObjectMeta) };
        return view;
    });
}
