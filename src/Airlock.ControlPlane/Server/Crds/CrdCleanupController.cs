using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;
using Airlock.ControlPlane.Storage.Controllers;

namespace Airlock.ControlPlane.Server.Crds;

/// <summary>For deleted CustomResourceDefinitions: deletes their objects, then stops serving them and lets the CRD go.</summary>
public sealed class CrdCleanupController(ObjectStore store, ResourceRegistry registry) : IStoreController
{
    private readonly ObjectStore _store = store;
    private readonly ResourceRegistry _registry = registry;

    public void Run()
    {
        foreach (var crd in _store.Deleting().Where(s => CrdRegistrar.IsCrdType(s.Type)))
        {
            var finalizers = ObjectMeta.Finalizers(crd.Object);
            if (!finalizers.Contains(CrdRegistrar.CleanupFinalizer)) continue;
            var types = CrdRegistrar.TypesOf(crd.Object);
            var type = types.Count > 0 ? types[0] : null;
            var remaining = type is null ? [] : _store.ListPage(type, null, ListOptions.Everything).Items;
            foreach (var obj in remaining.Where(o => !ObjectMeta.IsDeleting(o)))
            {
                try
                {
                    _store.Delete(type!, ObjectMeta.Namespace(obj), ObjectMeta.Name(obj), new DeleteOptions { PreconditionUid = ObjectMeta.Uid(obj) });
                }
                catch (ApiError)
                {
                    // Gone meanwhile.
                }
            }
            if (remaining.Count > 0) continue;
            _registry.Unregister(ObjectMeta.Name(crd.Object));
            finalizers.Remove(CrdRegistrar.CleanupFinalizer);
            var next = crd.Object.DeepClone().AsObject();
            ObjectMeta.SetFinalizers(next, finalizers);
            try
            {
                _store.Update(BuiltinResources.CustomResourceDefinitions, next);
            }
            catch (ApiError)
            {
                // Changed meanwhile: next pass.
            }
        }
    }
}
