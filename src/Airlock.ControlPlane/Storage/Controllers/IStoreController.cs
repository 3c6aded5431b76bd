namespace Airlock.ControlPlane.Storage.Controllers;

/// <summary>A level-triggered background pass over the store (garbage collection, namespace and CRD clean-up).</summary>
public interface IStoreController
{
    /// <summary>One full pass; idempotent, safe to run at any time.</summary>
    void Run();
}
