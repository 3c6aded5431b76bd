namespace Airlock.ControlPlane.Storage;

/// <summary>What happens to an object's dependents when it is deleted.</summary>
public enum PropagationPolicy
{
    /// <summary>The owner goes at once; the garbage collector deletes dependents afterwards.</summary>
    Background,

    /// <summary>The owner keeps a <c>foregroundDeletion</c> finalizer until its dependents are gone.</summary>
    Foreground,

    /// <summary>Dependents lose their ownerReference to the owner and stay.</summary>
    Orphan,
}
