using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Storage.Controllers;

/// <summary>
/// Deletes dependents whose owners (by uid) are all gone, and the dependents of owners being deleted in the foreground;
/// then lets foreground-deleted owners go once nothing depends on them. One <see cref="Run"/> is one full pass.
/// </summary>
public sealed class GarbageCollector(ObjectStore store) : IStoreController
{
    private readonly ObjectStore _store = store;

    public void Run()
    {
        var all = _store.Snapshot();
        var byUid = all.ToDictionary(s => ObjectMeta.Uid(s.Object), StringComparer.Ordinal);
        var dependentsOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stored in all)
        {
            var owners = ObjectMeta.OwnerUids(stored.Object);
            if (owners.Count == 0) continue;
            foreach (var owner in owners) dependentsOf[owner] = dependentsOf.GetValueOrDefault(owner) + 1;
            if (ObjectMeta.IsDeleting(stored.Object)) continue;
            var live = owners.Where(byUid.ContainsKey).Select(u => byUid[u]).ToList();
            var ownersGone = live.Count == 0;
            var ownerInForeground = live.Any(o => ObjectMeta.IsDeleting(o.Object)
                && ObjectMeta.Finalizers(o.Object).Contains(ObjectStore.ForegroundDeletionFinalizer));
            if (ownersGone || ownerInForeground)
            {
                TryDelete(stored, ownerInForeground ? PropagationPolicy.Foreground : PropagationPolicy.Background);
            }
        }
        foreach (var owner in all)
        {
            if (!ObjectMeta.IsDeleting(owner.Object)) continue;
            var finalizers = ObjectMeta.Finalizers(owner.Object);
            if (!finalizers.Contains(ObjectStore.ForegroundDeletionFinalizer) || dependentsOf.ContainsKey(ObjectMeta.Uid(owner.Object))) continue;
            finalizers.Remove(ObjectStore.ForegroundDeletionFinalizer);
            var next = owner.Object.DeepClone().AsObject();
            ObjectMeta.SetFinalizers(next, finalizers);
            TryUpdate(owner, next);
        }
    }

    private void TryDelete(StoredObject stored, PropagationPolicy propagation)
    {
        try
        {
            _store.Delete(stored.Type, ObjectMeta.Namespace(stored.Object), ObjectMeta.Name(stored.Object),
                new DeleteOptions { PreconditionUid = ObjectMeta.Uid(stored.Object), Propagation = propagation });
        }
        catch (ApiError)
        {
            // Gone or changed meanwhile: the next pass sees the new state.
        }
    }

    private void TryUpdate(StoredObject stored, System.Text.Json.Nodes.JsonObject next)
    {
        try
        {
            _store.Update(stored.Type, next);
        }
        catch (ApiError)
        {
            // Changed meanwhile: the next pass retries.
        }
    }
}
