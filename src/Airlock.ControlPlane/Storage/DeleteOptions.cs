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
