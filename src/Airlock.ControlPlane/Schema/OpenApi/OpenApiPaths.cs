using System.Globalization;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// The <c>paths</c> entries of one resource: collection and item operations with <c>x-kubernetes-action</c> and
/// <c>x-kubernetes-group-version-kind</c>, as the API server documents them.
/// </summary>
public static class OpenApiPaths
{
    /// <summary>Adds the resource's paths to <paramref name="paths"/>; <paramref name="kindRef"/> is its kind's component name.</summary>
    public static void Add(JsonObject paths, ResourceType type, string kindRef, string? listRef)
    {
        var prefix = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
        var collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Resource}" : $"{prefix}/{type.Resource}";
        var item = collection + "/{name}";
        var scope = type.Namespaced ? "Namespaced" : "";
        var idSuffix = OperationIdGroup(type) + scope + type.Kind;
        var verbs = type.Verbs.ToHashSet(StringComparer.Ordinal);
        var contentTypes = PatchContentTypes(type);

        var collectionPath = PathItem(type, withName: false);
        if (verbs.Contains("list") && listRef is not null)
        {
            collectionPath["get"] = Operation(type, "list", $"list or watch objects of kind {type.Kind}", "list" + idSuffix,
                OpenApiParameters.List(verbs.Contains("watch")), null, listRef);
        }
        if (verbs.Contains("create"))
        {
            collectionPath["post"] = Operation(type, "post", $"create a {type.Kind}", "create" + idSuffix,
                OpenApiParameters.Write(patch: false), ["application/json", "application/yaml"], kindRef, created: true);
        }
        if (verbs.Contains("deletecollection"))
        {
            collectionPath["delete"] = Operation(type, "deletecollection", $"delete collection of {type.Kind}", "deletecollection" + idSuffix,
                OpenApiParameters.Delete(), null, SchemaNames.Status);
        }
        if (collectionPath.Count > 1)
        {
            paths[collection] = collectionPath;
        }

        if (type.Namespaced && verbs.Contains("list") && listRef is not null)
        {
            paths[$"{prefix}/{type.Resource}"] = new JsonObject
            {
                ["get"] = Operation(type, "list", $"list or watch objects of kind {type.Kind}", $"list{OperationIdGroup(type)}{type.Kind}ForAllNamespaces",
                    OpenApiParameters.List(verbs.Contains("watch")), null, listRef),
                ["parameters"] = new JsonArray(OpenApiParameters.Pretty()),
            };
        }

        var itemPath = PathItem(type, withName: true);
        if (verbs.Contains("get"))
        {
            itemPath["get"] = Operation(type, "get", $"read the specified {type.Kind}", "read" + idSuffix, [], null, kindRef);
        }
        if (verbs.Contains("update"))
        {
            itemPath["put"] = Operation(type, "put", $"replace the specified {type.Kind}", "replace" + idSuffix,
                OpenApiParameters.Write(patch: false), ["application/json", "application/yaml"], kindRef, created: true);
        }
        if (verbs.Contains("patch"))
        {
            itemPath["patch"] = Operation(type, "patch", $"partially update the specified {type.Kind}", "patch" + idSuffix,
                OpenApiParameters.Write(patch: true), contentTypes, kindRef, created: true, bodyRef: SchemaNames.Patch);
        }
        if (verbs.Contains("delete"))
        {
            itemPath["delete"] = Operation(type, "delete", $"delete a {type.Kind}", "delete" + idSuffix, OpenApiParameters.Delete(), null, SchemaNames.Status);
        }
        if (itemPath.Count > 1)
        {
            paths[item] = itemPath;
        }

        if (type.HasSubresource("status") && verbs.Contains("get"))
        {
            var statusPath = PathItem(type, withName: true);
            statusPath["get"] = Operation(type, "get", $"read status of the specified {type.Kind}", "read" + idSuffix + "Status", [], null, kindRef);
            statusPath["put"] = Operation(type, "put", $"replace status of the specified {type.Kind}", "replace" + idSuffix + "Status",
                OpenApiParameters.Write(patch: false), ["application/json", "application/yaml"], kindRef, created: true);
            statusPath["patch"] = Operation(type, "patch", $"partially update status of the specified {type.Kind}", "patch" + idSuffix + "Status",
                OpenApiParameters.Write(patch: true), contentTypes, kindRef, created: true, bodyRef: SchemaNames.Patch);
            paths[item + "/status"] = statusPath;
        }
    }

    /// <summary><c>CoreV1</c>, <c>RbacAuthorizationV1</c>, <c>AgentsAirlockDevV1alpha1</c>: the group-version part of operation ids.</summary>
    public static string OperationIdGroup(ResourceType type)
    {
        var group = type.Group.Length == 0 ? "core" : type.Group.EndsWith(".k8s.io", StringComparison.Ordinal) ? type.Group[..^".k8s.io".Length] : type.Group;
        var parts = group.Split('.', '-').Where(p => p.Length > 0).Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]);
        return string.Concat(parts) + char.ToUpper(type.Version[0], CultureInfo.InvariantCulture) + type.Version[1..];
    }

    private static string[] PatchContentTypes(ResourceType type) => type.IsCustom
        ? ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"]
        : ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"];

    private static JsonObject PathItem(ResourceType type, bool withName)
    {
        var parameters = new JsonArray();
        if (withName)
        {
            parameters.Add(OpenApiParameters.Path("name", $"name of the {type.Kind}"));
        }
        if (type.Namespaced)
        {
            parameters.Add(OpenApiParameters.Path("namespace", "object name and auth scope, such as for teams and projects"));
        }
        parameters.Add(OpenApiParameters.Pretty());
        return new JsonObject { ["parameters"] = parameters };
    }

    private static JsonObject Operation(ResourceType type, string action, string description, string operationId, JsonArray parameters,
        string[]? requestContentTypes, string responseRef, bool created = false, string? bodyRef = null)
    {
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(Tag(type)),
            ["description"] = description,
            ["operationId"] = operationId,
        };
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }
        if (requestContentTypes is not null)
        {
            var content = new JsonObject();
            foreach (var contentType in requestContentTypes)
            {
                content[contentType] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = SchemaNames.Ref(bodyRef ?? responseRef) } };
            }
            operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
        }
        var responses = new JsonObject { ["200"] = Response("OK", responseRef) };
        if (created)
        {
            responses["201"] = Response("Created", responseRef);
        }
        responses["401"] = new JsonObject { ["description"] = "Unauthorized" };
        operation["responses"] = responses;
        operation["x-kubernetes-action"] = action;
        operation["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind };
        return operation;
    }

    private static string Tag(ResourceType type)
    {
        var group = OperationIdGroup(type)[..^type.Version.Length];
        return char.ToLower(group[0], CultureInfo.InvariantCulture) + group[1..] + "_" + type.Version;
    }

    private static JsonObject Response(string description, string schemaRef) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject
        {
            ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = SchemaNames.Ref(schemaRef) } },
            ["application/yaml"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = SchemaNames.Ref(schemaRef) } },
        },
    };
}
