using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage.Watching;

namespace Airlock.ControlPlane.Storage;

public sealed partial class ObjectStore
{
    private const string ModifiedMessage = "the object has been modified; please apply your changes to the latest version and try again";

    /// <summary>
    /// Replaces the stored object named by <paramref name="input"/> (not mutated). A non-empty <c>metadata.resourceVersion</c>
    /// must match the stored one (409 Conflict otherwise); without one the update is unconditional where the kind allows it.
    /// Returns the stored result; when the last finalizer of a deleting object goes, the object is removed and returned as it was.
    /// </summary>
    public JsonObject Update(ResourceType type, JsonObject input, WriteOptions? options = null)
    {
        options ??= WriteOptions.Default;
        var name = ObjectMeta.Name(input);
        var ns = type.Namespaced ? ObjectMeta.Namespace(input) : null;
        lock (_gate)
        {
            var key = Key(type, ns, name);
            var current = Table(type).GetValueOrDefault(key) ?? throw ApiError.NotFound(type.QualifiedResource, name);
            var requested = ObjectMeta.ResourceVersion(input);
            if (requested.Length > 0 && requested != ObjectMeta.ResourceVersion(current.Object))
            {
                throw ApiError.Conflict(type.QualifiedResource, name, ModifiedMessage);
            }
            if (requested.Length == 0 && !AllowsUnconditionalUpdate(type))
            {
                throw ApiError.Invalid(type.Kind, type.Group, name, [FieldError.Invalid("metadata.resourceVersion", null, "0x0: must be specified for an update")]);
            }
            var uid = ObjectMeta.Uid(input);
            if (uid.Length > 0 && uid != ObjectMeta.Uid(current.Object))
            {
                throw ApiError.Conflict(type.QualifiedResource, name,
                    $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.Uid(current.Object)}");
            }
            var next = Merge(type, current.Object, input, options);
            CheckFinalizers(type, current.Object, next);
            if (type.TracksGeneration && SpecChanged(current.Object, next))
            {
                ObjectMeta.Metadata(next)["generation"] = ObjectMeta.Generation(current.Object) + 1;
            }
            if (IsNoOp(current.Object, next)) return options.Owned ? current.Object : current.Object.DeepClone().AsObject();
            if (options.DryRun) return next;
            var kind = ObjectMeta.IsDeleting(next) && ObjectMeta.Finalizers(next).Count == 0 ? WatchEventType.Deleted : WatchEventType.Modified;
            var stored = Commit(type, key, next, current, kind);
            return options.Owned ? stored : stored.DeepClone().AsObject();
        }
    }

    /// <summary>Custom resources require a resourceVersion on update (as the API server's CRD strategy does); built-ins do not.</summary>
    private static bool AllowsUnconditionalUpdate(ResourceType type) => !type.IsCustom;

    /// <summary>
    /// The object a write produces: the parts a client may not change come from <paramref name="current"/>. With
    /// <paramref name="owned"/> the result is built in <paramref name="input"/> itself instead of a copy.
    /// </summary>
    private static JsonObject Merge(ResourceType type, JsonObject current, JsonObject input, WriteOptions options)
    {
        JsonObject next;
        if (options.Subresource == "status")
        {
            // Status writes change only status (and the field managers that record it).
            next = current.DeepClone().AsObject();
            if (input["status"] is { } status) next["status"] = status.DeepClone();
            else next.Remove("status");
            if (input["metadata"]?["managedFields"] is { } managed) ObjectMeta.Metadata(next)["managedFields"] = managed.DeepClone();
            return next;
        }
        next = options.Owned ? input : input.DeepClone().AsObject();
        var meta = ObjectMeta.Metadata(next);
        var old = (JsonObject)current["metadata"]!;
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name" })
        {
            if (old[field] is { } value) meta[field] = value.DeepClone();
            else meta.Remove(field);
        }
        next["apiVersion"] ??= current["apiVersion"]?.DeepClone();
        next["kind"] ??= current["kind"]?.DeepClone();
        if (type.HasSubresource("status") && !options.WithStatus)
        {
            if (current["status"] is { } stored) next["status"] = stored.DeepClone();
            else next.Remove("status");
        }
        if (type.Group.Length == 0 && type.Resource == "namespaces" && current["spec"] is JsonObject spec)
        {
            // spec.finalizers of a namespace change only through its finalize subresource.
            var nextSpec = next["spec"] as JsonObject ?? [];
            nextSpec["finalizers"] = spec["finalizers"]?.DeepClone();
            next["spec"] = nextSpec;
        }
        return next;
    }

    private static void CheckFinalizers(ResourceType type, JsonObject current, JsonObject next)
    {
        if (!ObjectMeta.IsDeleting(current)) return;
        var added = ObjectMeta.Finalizers(next).Except(ObjectMeta.Finalizers(current), StringComparer.Ordinal).ToList();
        if (added.Count == 0) return;
        throw ApiError.Invalid(type.Kind, type.Group, ObjectMeta.Name(current),
        [
            FieldError.Forbidden("metadata.finalizers",
                $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(a => $"\"{a}\""))}}}"),
        ]);
    }

    /// <summary>True when anything outside metadata and status differs (what bumps metadata.generation).</summary>
    private static bool SpecChanged(JsonObject before, JsonObject after) =>
        !SameExcept(before, after, static k => k is "metadata" or "status" or "apiVersion" or "kind");

    /// <summary>An update that changes nothing but bookkeeping is not written (no new resourceVersion, no watch event).</summary>
    private static bool IsNoOp(JsonObject before, JsonObject after)
    {
        if (!SameExcept(before, after, static k => k == "metadata")) return false;
        var beforeMeta = before["metadata"];
        var afterMeta = after["metadata"];
        if (beforeMeta is JsonObject b && afterMeta is JsonObject a) return SameExcept(b, a, static k => k is "resourceVersion" or "managedFields");
        return JsonNode.DeepEquals(beforeMeta, afterMeta);
    }

    /// <summary>
    /// JsonNode.DeepEquals of the two objects without the skipped properties, without copying them: the same properties
    /// (in any order) with equal values. A property holding null counts as present, as it does for DeepEquals.
    /// </summary>
    private static bool SameExcept(JsonObject before, JsonObject after, Func<string, bool> skip)
    {
        var count = 0;
        foreach (var (key, value) in before)
        {
            if (skip(key)) continue;
            count++;
            if (!after.TryGetPropertyValue(key, out var other) || !JsonNode.DeepEquals(value, other)) return false;
        }
        foreach (var (key, _) in after)
        {
            if (!skip(key)) count--;
        }
        return count == 0;
    }
}
