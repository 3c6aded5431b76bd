using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Storage.Controllers;

/// <summary>
/// Deletes dependents whose owners (by uid) are all gone, and the dependents of owners being deleted in the foreground;
/// then lets foreground-deleted owners go once nothing depends on them. One <see cref="Run"/> is one full pass, over the
/// store's indexes (dangling dependents, objects being deleted), so a pass costs what is pending, not what is stored.
/// </summary>
public sealed class GarbageCollector(ObjectStore store) : IStoreController
{
    private readonly ObjectStore _store = store;

    public void Run()
    {
        foreach (var dependent in _store.Dangling())
        {
            if (!ObjectMeta.IsDeleting(dependent.Object)) TryDelete(dependent, PropagationPolicy.Background);
        }
        foreach (var owner in _store.Deleting())
        {
            var finalizers = ObjectMeta.Finalizers(owner.Object);
            if (!finalizers.Contains(ObjectStore.ForegroundDeletionFinalizer)) continue;
            var dependents = _store.DependentsOf(ObjectMeta.Uid(owner.Object));
            foreach (var dependent in dependents)
            {
                if (!ObjectMeta.IsDeleting(dependent.Object)) TryDelete(dependent, PropagationPolicy.Foreground);
            }
            // The owner goes on a later pass, once the last dependent is gone (a pass follows every change).
            if (dependents.Count > 0) continue;
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
