namespace Airlock.ControlPlane.Storage;

/// <summary>How a create or update is carried out.</summary>
/// <param name="DryRun">Run every check and return the result without storing it.</param>
/// <param name="Subresource">Empty for the main resource, <c>status</c> for the status subresource.</param>
/// <param name="Prepared">The object already went through <see cref="ObjectStore.PrepareForCreate"/> (its uid and name stay).</param>
public sealed record WriteOptions(bool DryRun = false, string Subresource = "", bool Prepared = false)
{
    public static readonly WriteOptions Default = new();

    /// <summary>
    /// The caller hands the input over (the store may change it instead of copying it) and takes the result as the frozen
    /// stored snapshot (it must not change it). What the API endpoints do with a request body they only serialise back.
    /// </summary>
    public bool Owned { get; init; }

    /// <summary>
    /// A main-resource update that also writes status (of kinds with a status subresource), in one change: what the
    /// API server's own pod binding does (spec.nodeName and the PodScheduled condition together).
    /// </summary>
    public bool WithStatus { get; init; }
}
