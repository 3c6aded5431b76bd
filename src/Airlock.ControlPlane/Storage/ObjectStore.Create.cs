using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage.Watching;

namespace Airlock.ControlPlane.Storage;

public sealed partial class ObjectStore
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>
    /// Creates <paramref name="input"/> (not mutated) and returns the stored object. Throws 409 AlreadyExists, 422 Invalid
    /// (name), 404 (missing namespace) or 403 (terminating namespace).
    /// </summary>
    public JsonObject Create(ResourceType type, JsonObject input, WriteOptions? options = null)
    {
        options ??= WriteOptions.Default;
        var obj = options.Owned ? input : input.DeepClone().AsObject();
        if (!options.Prepared) PrepareForCreate(type, obj);
        var name = ObjectMeta.Name(obj);
        var ns = ObjectMeta.Namespace(obj);
        lock (_gate)
        {
            if (type.Namespaced) CheckNamespaceAcceptsContent(type, ns, name);
            var key = Key(type, ns, name);
            if (Table(type).ContainsKey(key)) throw ApiError.AlreadyExists(type.QualifiedResource, name);
            if (options.DryRun) return obj;
            var stored = Commit(type, key, obj, null, WatchEventType.Added);
            if (type == BuiltinResources.Namespaces || (type.Group.Length == 0 && type.Resource == "namespaces")) CreateDefaultServiceAccount(name);
            return options.Owned ? stored : stored.DeepClone().AsObject();
        }
    }

    /// <summary>
    /// What the API server does before storing a new object: resolves <c>generateName</c>, validates the name, sets uid,
    /// creationTimestamp and generation, and resets what clients may not set on create (status of kinds with a status subresource).
    /// Mutates <paramref name="obj"/>.
    /// </summary>
    public void PrepareForCreate(ResourceType type, JsonObject obj)
    {
        var meta = ObjectMeta.Metadata(obj);
        obj["apiVersion"] ??= type.ApiVersion;
        obj["kind"] ??= type.Kind;
        if (!type.Namespaced) meta.Remove("namespace");
        else if (ObjectMeta.Namespace(obj) is null) throw ApiError.BadRequest("the namespace of the object is required");
        var name = ObjectMeta.Name(obj);
        if (name.Length == 0 && ObjectMeta.Str(meta, "generateName") is { Length: > 0 } prefix)
        {
            name = prefix + RandomSuffix();
            meta["name"] = name;
        }
        if (name.Length == 0)
        {
            throw ApiError.Invalid(type.Kind, type.Group, "", [FieldError.Required("metadata.name") with { Message = "Required value: name or generateName is required" }]);
        }
        if (NameValidation.Check(type, name) is { Count: > 0 } errors) throw ApiError.Invalid(type.Kind, type.Group, name, errors);
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Now();
        meta.Remove("resourceVersion");
        meta.Remove("deletionTimestamp");
        meta.Remove("deletionGracePeriodSeconds");
        meta.Remove("selfLink");
        if (type.TracksGeneration) meta["generation"] = 1L;
        else meta.Remove("generation");
        ResetStatusOnCreate(type, obj);
    }

    private static void ResetStatusOnCreate(ResourceType type, JsonObject obj)
    {
        if (type.Group.Length == 0 && type.Resource == "namespaces")
        {
            var labels = ObjectMeta.Metadata(obj)["labels"] as JsonObject ?? [];
            labels["kubernetes.io/metadata.name"] = ObjectMeta.Name(obj);
            ObjectMeta.Metadata(obj)["labels"] = labels;
            obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            obj["status"] = new JsonObject { ["phase"] = "Active" };
        }
        else if (type.Group.Length == 0 && type.Resource == "pods")
        {
            obj["status"] = new JsonObject { ["phase"] = "Pending" };
        }
        else if (type.IsCustom && type.HasSubresource("status"))
        {
            obj.Remove("status");
        }
    }

    private void CheckNamespaceAcceptsContent(ResourceType type, string? ns, string name)
    {
        var namespaceObject = Table(BuiltinResources.Namespaces).GetValueOrDefault(ns ?? "");
        if (namespaceObject is null) throw ApiError.NotFound("namespaces", ns ?? "");
        if (ObjectMeta.IsDeleting(namespaceObject.Object))
        {
            throw new ApiError(403, "Forbidden",
                $"{type.QualifiedResource} \"{name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated",
                new StatusDetails(name, type.Group, type.Resource)
                {
                    Causes = [new StatusCause("NamespaceTerminating", $"namespace {ns} is being terminated", "metadata.namespace")],
                });
        }
    }

    /// <summary>Each namespace gets a <c>default</c> ServiceAccount, as the service-account controller gives it. Call under the lock.</summary>
    private void CreateDefaultServiceAccount(string ns)
    {
        var type = BuiltinResources.ServiceAccounts;
        var sa = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = ns },
        };
        PrepareForCreate(type, sa);
        var key = Key(type, ns, "default");
        if (!Table(type).ContainsKey(key)) Commit(type, key, sa, null, WatchEventType.Added);
    }

    private static string RandomSuffix() =>
        new(Enumerable.Range(0, 5).Select(_ => GenerateNameAlphabet[RandomNumberGenerator.GetInt32(GenerateNameAlphabet.Length)]).ToArray());
}
