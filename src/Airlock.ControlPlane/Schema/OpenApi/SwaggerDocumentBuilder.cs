using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// Builds the Swagger 2.0 document served at <c>/openapi/v2</c> from the OpenAPI 3.0 group-version documents: every
/// component schema of every group-version becomes a definition (names are global, <c>io.k8s.api.core.v1.ConfigMap</c>),
/// converted by <see cref="SwaggerSchemaConverter"/>. kubectl reads only the definitions of this document (client-side
/// validation of <c>kind: List</c> files, and the strategic-merge keys when v3 has none), so <c>paths</c> stays empty:
/// the operations are published in v3, which kubectl asks first.
/// </summary>
public static class SwaggerDocumentBuilder
{
    public static JsonObject Build(IEnumerable<JsonObject> openApiV3Documents)
    {
        var definitions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var document in openApiV3Documents)
        {
            if (document["components"]?["schemas"] is not JsonObject schemas)
            {
                continue;
            }
            foreach (var (name, schema) in schemas)
            {
                if (schema is JsonObject component && !definitions.ContainsKey(name))
                {
                    definitions[name] = SwaggerSchemaConverter.Convert(component);
                }
            }
        }
        var sorted = new JsonObject();
        foreach (var (name, schema) in definitions)
        {
            sorted[name] = schema;
        }
        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = new JsonObject(),
            ["definitions"] = sorted,
        };
    }
}
