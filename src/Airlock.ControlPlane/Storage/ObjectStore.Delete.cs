using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage.Watching;

namespace Airlock.ControlPlane.Storage;

public sealed partial class ObjectStore
{
    /// <summary>The finalizer a Foreground delete puts on the owner until its dependents are gone.</summary>
    public const string ForegroundDeletionFinalizer = "foregroundDeletion";

    /// <summary>
    /// Deletes an object: removes it at once unless finalizers hold it, in which case it gets a deletionTimestamp and stays
    /// until the last finalizer is removed. Namespaces always go through Terminating (their content is deleted first).
    /// </summary>
    public DeleteResult Delete(ResourceType type, string? @namespace, string name, DeleteOptions? options = null)
    {
        options ??= DeleteOptions.Default;
        lock (_gate)
        {
            var key = Key(type, @namespace, name);
            var current = Table(type).GetValueOrDefault(key) ?? throw ApiError.NotFound(type.QualifiedResource, name);
            CheckPreconditions(type, current.Object, options);
            var next = current.Object.DeepClone().AsObject();
            var meta = ObjectMeta.Metadata(next);
            var isNamespace = type.Group.Length == 0 && type.Resource == "namespaces";
            if (isNamespace)
            {
                if (ObjectMeta.IsDeleting(current.Object)) return new DeleteResult(current.Object.DeepClone().AsObject(), false);
                meta["deletionTimestamp"] = Now();
                meta["deletionGracePeriodSeconds"] = 0L;
                next["status"] = new JsonObject { ["phase"] = "Terminating" };
                return options.DryRun ? new DeleteResult(next, false) : new DeleteResult(Commit(type, key, next, current, WatchEventType.Modified).DeepClone().AsObject(), false);
            }
            var finalizers = ObjectMeta.Finalizers(next);
            if (options.Propagation == PropagationPolicy.Foreground && !finalizers.Contains(ForegroundDeletionFinalizer))
            {
                finalizers.Add(ForegroundDeletionFinalizer);
                ObjectMeta.SetFinalizers(next, finalizers);
            }
            if (options.DryRun) return new DeleteResult(next, finalizers.Count == 0);
            if (options.Propagation == PropagationPolicy.Orphan) OrphanDependents(ObjectMeta.Uid(current.Object));
            if (finalizers.Count > 0)
            {
                if (!ObjectMeta.IsDeleting(next))
                {
                    meta["deletionTimestamp"] = Now();
                    meta["deletionGracePeriodSeconds"] = 0L;
                    if (type.IsCustom) meta["generation"] = ObjectMeta.Generation(next) + 1;
                }
                if (JsonNode.DeepEquals(next, current.Object)) return new DeleteResult(current.Object.DeepClone().AsObject(), false);
                return new DeleteResult(Commit(type, key, next, current, WatchEventType.Modified).DeepClone().AsObject(), false);
            }
            return new DeleteResult(Commit(type, key, next, current, WatchEventType.Deleted).DeepClone().AsObject(), true);
        }
    }

    /// <summary>Removes a deleting object whose finalization is complete (a namespace once empty, a CRD once its objects are gone).</summary>
    public void RemoveFinalized(ResourceType type, string? @namespace, string name, string uid)
    {
        lock (_gate)
        {
            var key = Key(type, @namespace, name);
            var current = Table(type).GetValueOrDefault(key) ?? throw ApiError.NotFound(type.QualifiedResource, name);
            if (ObjectMeta.Uid(current.Object) != uid || !ObjectMeta.IsDeleting(current.Object)) return;
            var next = current.Object.DeepClone().AsObject();
            if (next["spec"] is JsonObject spec) spec.Remove("finalizers");
            Commit(type, key, next, current, WatchEventType.Deleted);
        }
    }

    private static void CheckPreconditions(ResourceType type, JsonObject current, DeleteOptions options)
    {
        var name = ObjectMeta.Name(current);
        if (options.PreconditionUid is { Length: > 0 } uid && uid != ObjectMeta.Uid(current))
        {
            throw ApiError.Conflict(type.QualifiedResource, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.Uid(current)}");
        }
        if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != ObjectMeta.ResourceVersion(current))
        {
            throw ApiError.Conflict(type.QualifiedResource, name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {ObjectMeta.ResourceVersion(current)}");
        }
    }

    /// <summary>Removes ownerReferences to <paramref name="ownerUid"/> from every dependent. Call under the lock.</summary>
    private void OrphanDependents(string ownerUid)
    {
        var dependents = _dependents.TryGetValue(ownerUid, out var uids) ? Resolve(uids) : [];
        foreach (var dependent in dependents)
        {
            var next = dependent.Object.DeepClone().AsObject();
            var refs = (JsonArray)next["metadata"]!["ownerReferences"]!;
            foreach (var r in refs.OfType<JsonObject>().Where(r => ObjectMeta.Str(r, "uid") == ownerUid).ToList()) refs.Remove(r);
            if (refs.Count == 0) ObjectMeta.Metadata(next).Remove("ownerReferences");
            Commit(dependent.Type, dependent.Key, next, dependent, WatchEventType.Modified);
        }
    }
}
