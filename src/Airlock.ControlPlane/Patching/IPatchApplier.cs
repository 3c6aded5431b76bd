using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Patching;

/// <summary>Applies a PATCH body to an object. Pure: never mutates <c>current</c>; throws <see cref="Api.ApiError"/> for bad patches (400/422) or apply conflicts (409).</summary>
public interface IPatchApplier
{
    /// <param name="current">The stored object; null only for <see cref="PatchType.ApplyPatch"/> of an object that does not exist yet (apply creates it).</param>
    JsonObject Apply(ResourceType type, JsonObject? current, PatchType patchType, ReadOnlyMemory<byte> patch, PatchOptions options);

    /// <summary>Records <paramref name="fieldManager"/> as owner of what an ordinary create/update changed (managedFields, operation Update).</summary>
    JsonObject TrackUpdate(ResourceType type, JsonObject? previous, JsonObject updated, string fieldManager, string? subresource);

    /// <summary>
    /// <see cref="TrackUpdate"/> that writes managedFields into <paramref name="updated"/> itself and returns it: for callers
    /// that own <paramref name="updated"/> (the write path), saving a copy of the object per write.
    /// </summary>
    JsonObject TrackUpdateInPlace(ResourceType type, JsonObject? previous, JsonObject updated, string fieldManager, string? subresource) =>
        TrackUpdate(type, previous, updated, fieldManager, subresource);
}

public sealed record PatchOptions(string FieldManager, bool Force = false, string? Subresource = null);
