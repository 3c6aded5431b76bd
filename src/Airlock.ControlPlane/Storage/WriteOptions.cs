namespace Airlock.ControlPlane.Storage;

/// <summary>How a create or update is carried out.</summary>
/// <param name="DryRun">Run every check and return the result without storing it.</param>
/// <param name="Subresource">Empty for the main resource, <c>status</c> for the status subresource.</param>
/// <param name="Prepared">The object already went through <see cref="ObjectStore.PrepareForCreate"/> (its uid and name stay).</param>
public sealed record WriteOptions(bool DryRun = false, string Subresource = "", bool Prepared = false)
{
    public static readonly WriteOptions Default = new();
}
