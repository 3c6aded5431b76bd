using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Server.Crds;

/// <summary>
/// Serves what CustomResourceDefinitions define: registers their served versions as resource types the moment they are
/// stored, and records NamesAccepted/Established in their status.
/// </summary>
public sealed class CrdRegistrar(ObjectStore store, ResourceRegistry registry, TimeProvider time)
{
    /// <summary>Held on every CRD until its custom objects are deleted.</summary>
    public const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    private readonly ObjectStore _store = store;
    private readonly ResourceRegistry _registry = registry;
    private readonly TimeProvider _time = time;

    public static bool IsCrdType(ResourceType type) => type.Group == "apiextensions.k8s.io" && type.Resource == "customresourcedefinitions";

    public static void PrepareForCreate(JsonObject crd)
    {
        var finalizers = ObjectMeta.Finalizers(crd);
        if (!finalizers.Contains(CleanupFinalizer)) finalizers.Add(CleanupFinalizer);
        ObjectMeta.SetFinalizers(crd, finalizers);
    }

    /// <summary>Registers the CRD's served versions and returns the CRD with its status conditions set.</summary>
    public JsonObject Sync(JsonObject crd)
    {
        if (ObjectMeta.IsDeleting(crd)) return crd;
        var name = ObjectMeta.Name(crd);
        _registry.Register(name, TypesOf(crd));
        var next = crd.DeepClone().AsObject();
        var names = (next["spec"]?["names"] as JsonObject)?.DeepClone().AsObject() ?? [];
        var kind = ObjectMeta.Str(names, "kind") ?? "";
        names["singular"] ??= kind.ToLowerInvariant();
        names["listKind"] ??= kind + "List";
        var now = ObjectMeta.Timestamp(_time.GetUtcNow());
        var storage = (next["spec"]?["versions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true);
        var status = next["status"] as JsonObject ?? [];
        var stored = status["storedVersions"] as JsonArray ?? [];
        if (storage is not null && ObjectMeta.Str(storage, "name") is { } sv && !stored.Any(s => s?.GetValue<string>() == sv)) stored.Add(sv);
        status["storedVersions"] = stored.DeepClone();
        status["acceptedNames"] = names;
        status["conditions"] = new JsonArray(
            Condition(status, "NamesAccepted", "NoConflicts", "no conflicts found", now),
            Condition(status, "Established", "InitialNamesAccepted", "the initial names have been accepted", now));
        next["status"] = status.DeepClone();
        try
        {
            return _store.Update(BuiltinResources.CustomResourceDefinitions, next, new WriteOptions(Subresource: "status"));
        }
        catch (ApiError)
        {
            return crd;
        }
    }

    private static JsonObject Condition(JsonObject status, string type, string reason, string message, string now)
    {
        var existing = (status["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => ObjectMeta.Str(c, "type") == type);
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = ObjectMeta.Str(existing, "lastTransitionTime") ?? now,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    /// <summary>One <see cref="ResourceType"/> per served version of the CRD.</summary>
    public static IReadOnlyList<ResourceType> TypesOf(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = ObjectMeta.Str(spec, "group") ?? "";
        var kind = ObjectMeta.Str(names, "kind") ?? "";
        var types = new List<ResourceType>();
        foreach (var version in (spec["versions"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (version["served"] is JsonValue served && served.TryGetValue<bool>(out var s) && !s) continue;
            var subresources = new List<string>();
            if (version["subresources"]?["status"] is not null) subresources.Add("status");
            if (version["subresources"]?["scale"] is not null) subresources.Add("scale");
            types.Add(new ResourceType
            {
                Group = group,
                Version = ObjectMeta.Str(version, "name") ?? "",
                Resource = ObjectMeta.Str(names, "plural") ?? "",
                Kind = kind,
                Singular = ObjectMeta.Str(names, "singular") ?? kind.ToLowerInvariant(),
                Namespaced = ObjectMeta.Str(spec, "scope") != "Cluster",
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                Subresources = subresources,
                PrinterColumns = (version["additionalPrinterColumns"] as JsonArray)?.OfType<JsonObject>().Select(c => new PrinterColumn(
                    ObjectMeta.Str(c, "name") ?? "",
                    ObjectMeta.Str(c, "type") ?? "string",
                    ObjectMeta.Str(c, "jsonPath") ?? "",
                    ObjectMeta.Str(c, "description") ?? "",
                    (int)(ObjectMeta.Integer(c["priority"]) ?? 0),
                    ObjectMeta.Str(c, "format") ?? "")).ToList() ?? [],
                CustomSchema = version["schema"]?["openAPIV3Schema"] is JsonObject schema ? schema.DeepClone().AsObject() : null,
                IsCustom = true,
                TracksGeneration = true,
            });
        }
        return types;
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => ObjectMeta.ScalarText(n) ?? "").Where(s => s.Length > 0).ToList() ?? [];
}
