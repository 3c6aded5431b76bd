namespace Airlock.ControlPlane.Storage;

/// <summary>metav1.DeleteOptions as the store honours them.</summary>
public sealed record DeleteOptions
{
    public static readonly DeleteOptions Default = new();

    public string? PreconditionUid { get; init; }

    public string? PreconditionResourceVersion { get; init; }

    public PropagationPolicy Propagation { get; init; } = PropagationPolicy.Background;

    public bool DryRun { get; init; }
}

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

/// <summary>The object after a delete: <see cref="Removed"/> is false while finalizers hold it (it then carries a deletionTimestamp).</summary>
public sealed record DeleteResult(System.Text.Json.Nodes.JsonObject Object, bool Removed);
