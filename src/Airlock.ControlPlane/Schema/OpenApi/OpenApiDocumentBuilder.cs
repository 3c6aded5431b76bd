using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using k8s.Models;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>Builds the OpenAPI 3.0 document of one group-version: its resources' paths and every schema they refer to.</summary>
public sealed class OpenApiDocumentBuilder(ModelSchemaGenerator generator)
{
    /// <summary><c>api/v1</c> or <c>apis/&lt;group&gt;/&lt;version&gt;</c>.</summary>
    public static string PathOf(ResourceType type) => type.Group.Length == 0 ? $"api/{type.Version}" : $"apis/{type.Group}/{type.Version}";

    public JsonObject Build(IReadOnlyList<ResourceType> types)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var roots = new List<string> { generator.ComponentFor(typeof(V1Status)), SchemaNames.Patch };
        foreach (var type in types.OrderBy(t => t.Resource, StringComparer.Ordinal))
        {
            string kindRef;
            string? listRef;
            if (type.ClrType is { } clr && !type.IsCustom)
            {
                kindRef = generator.ComponentFor(clr);
                listRef = clr.Assembly.GetType(clr.FullName + "List") is { } listClr ? generator.ComponentFor(listClr) : null;
                roots.Add(kindRef);
                if (listRef is not null)
                {
                    roots.Add(listRef);
                }
            }
            else
            {
                kindRef = CustomResourceSchemas.KindComponentName(type);
                listRef = CustomResourceSchemas.ListComponentName(type);
                schemas[kindRef] = CustomResourceSchemas.KindSchema(type);
                schemas[listRef] = CustomResourceSchemas.ListSchema(type);
                roots.Add(generator.ComponentFor(typeof(V1ObjectMeta)));
                roots.Add(generator.ComponentFor(typeof(V1ListMeta)));
            }
            OpenApiPaths.Add(paths, type, kindRef, listRef);
        }
        generator.CopyClosure(roots, schemas);
        var sorted = new JsonObject();
        foreach (var (name, schema) in schemas.OrderBy(s => s.Key, StringComparer.Ordinal).ToList())
        {
            schemas.Remove(name);
            sorted[name] = schema;
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = sorted },
        };
    }
}
