using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Storage.Controllers;

/// <summary>Empties terminating namespaces, then removes them (their <c>kubernetes</c> spec finalizer, then the object).</summary>
public sealed class NamespaceController(ObjectStore store) : IStoreController
{
    private readonly ObjectStore _store = store;

    public void Run()
    {
        var terminating = _store.Deleting().Where(s => s.Type.Group.Length == 0 && s.Type.Resource == "namespaces").ToList();
        foreach (var ns in terminating)
        {
            var name = ObjectMeta.Name(ns.Object);
            var content = _store.InNamespace(name);
            foreach (var item in content.Where(c => !ObjectMeta.IsDeleting(c.Object)))
            {
                try
                {
                    _store.Delete(item.Type, name, ObjectMeta.Name(item.Object), new DeleteOptions { PreconditionUid = ObjectMeta.Uid(item.Object) });
                }
                catch (ApiError)
                {
                    // Already gone or replaced: the next pass sees it.
                }
            }
            if (content.Count > 0) continue;
            Finalize(ns);
        }
    }

    private void Finalize(StoredObject ns)
    {
        var next = ns.Object.DeepClone().AsObject();
        if (next["spec"] is JsonObject spec) spec.Remove("finalizers");
        try
        {
            if (ObjectMeta.Finalizers(next).Count == 0)
            {
                _store.RemoveFinalized(BuiltinResources.Namespaces, null, ObjectMeta.Name(ns.Object), ObjectMeta.Uid(ns.Object));
            }
        }
        catch (ApiError)
        {
            // Changed meanwhile: retried on the next pass.
        }
    }
}
