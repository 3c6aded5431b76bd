using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// The published schema of a custom resource kind and its list: the CRD's <c>openAPIV3Schema</c> with <c>apiVersion</c>,
/// <c>kind</c> and <c>metadata</c> (a reference to ObjectMeta) filled in, as the apiextensions server publishes them.
/// </summary>
public static class CustomResourceSchemas
{
    public const string ApiVersionDescription =
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";

    public const string KindDescription =
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

    public const string MetadataDescription =
        "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    public static string KindComponentName(ResourceType type) => SchemaNames.CustomPackage(type.Group, type.Version) + "." + type.Kind;

    public static string ListComponentName(ResourceType type) => SchemaNames.CustomPackage(type.Group, type.Version) + "." + type.ListKind;

    /// <summary>The kind's component schema.</summary>
    public static JsonObject KindSchema(ResourceType type)
    {
        var schema = type.CustomSchema?.DeepClone() as JsonObject ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        schema["type"] ??= "object";
        if (schema["properties"] is not JsonObject properties)
        {
            properties = [];
            schema["properties"] = properties;
        }
        properties["apiVersion"] = new JsonObject { ["description"] = ApiVersionDescription, ["type"] = "string" };
        properties["kind"] = new JsonObject { ["description"] = KindDescription, ["type"] = "string" };
        properties["metadata"] = MetadataProperty(SchemaNames.ObjectMeta);
        schema["x-kubernetes-group-version-kind"] = Gvk(type.Group, type.Version, type.Kind);
        return schema;
    }

    /// <summary>The list kind's component schema (<c>AgentTaskList</c>).</summary>
    public static JsonObject ListSchema(ResourceType type) => new()
    {
        ["description"] = $"{type.ListKind} is a list of {type.Kind}",
        ["type"] = "object",
        ["required"] = new JsonArray("items"),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["description"] = ApiVersionDescription, ["type"] = "string" },
            ["items"] = new JsonObject
            {
                ["description"] = $"List of {type.Resource}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md",
                ["type"] = "array",
                ["items"] = new JsonObject { ["$ref"] = SchemaNames.Ref(KindComponentName(type)) },
            },
            ["kind"] = new JsonObject { ["description"] = KindDescription, ["type"] = "string" },
            ["metadata"] = MetadataProperty(SchemaNames.ListMeta),
        },
        ["x-kubernetes-group-version-kind"] = Gvk(type.Group, type.Version, type.ListKind),
    };

    private static JsonObject MetadataProperty(string component) => new()
    {
        ["description"] = MetadataDescription,
        ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = SchemaNames.Ref(component) }),
    };

    private static JsonArray Gvk(string group, string version, string kind) =>
        new(new JsonObject { ["group"] = group, ["kind"] = kind, ["version"] = version });
}
