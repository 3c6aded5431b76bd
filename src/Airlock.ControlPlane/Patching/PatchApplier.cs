using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// JSON patch, merge patch, strategic merge patch and server-side apply. Non-apply patches are recorded as an
/// Update by <see cref="PatchOptions.FieldManager"/> in managedFields (when one is given), as the API server does.
/// </summary>
public sealed class PatchApplier : IPatchApplier
{
    private const string StrategicMergePatchContentType = "application/strategic-merge-patch+json";
    private readonly TimeProvider _time;

    public PatchApplier()
        : this(TimeProvider.System)
    {
    }

    public PatchApplier(TimeProvider time) => _time = time;

    public JsonObject Apply(ResourceType type, JsonObject? current, PatchType patchType, ReadOnlyMemory<byte> patch, PatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        if (patchType == PatchType.ApplyPatch)
        {
            return new ServerSideApply(type, _time).Apply(current, PatchBody.ParseApply(patch), options);
        }
        var original = current ?? [];
        var patched = patchType switch
        {
            PatchType.JsonPatch => JsonPatch.Apply(original, patch) as JsonObject
                ?? throw PatchErrors.BadRequest("the patched document is not a JSON object"),
            PatchType.MergePatch => (JsonObject)JsonMergePatch.Apply(original, PatchBody.ParseObject(patch, "Invalid JSON Patch"))!,
            PatchType.StrategicMergePatch => StrategicMerge(type, original, patch),
            _ => throw ApiError.UnsupportedMediaType(patchType.ToString()),
        };
        return string.IsNullOrEmpty(options.FieldManager)
            ? patched
            : TrackUpdate(type, current, patched, options.FieldManager, options.Subresource);
    }

    public JsonObject TrackUpdate(ResourceType type, JsonObject? previous, JsonObject updated, string fieldManager, string? subresource)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(updated);
        return new UpdateTracker(type, _time).Track(previous, updated, fieldManager, subresource, inPlace: false);
    }

    public JsonObject TrackUpdateInPlace(ResourceType type, JsonObject? previous, JsonObject updated, string fieldManager, string? subresource)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(updated);
        return new UpdateTracker(type, _time).Track(previous, updated, fieldManager, subresource, inPlace: true);
    }

    private static JsonObject StrategicMerge(ResourceType type, JsonObject original, ReadOnlyMemory<byte> patch)
    {
        // The API server has no Go type, hence no merge keys, for custom resources.
        if (type.IsCustom)
        {
            throw ApiError.UnsupportedMediaType(StrategicMergePatchContentType);
        }
        var body = PatchBody.ParseObject(patch, "invalid JSON document");
        return new StrategicMergePatch(FieldSchemas.For(type)).Apply(original, body);
    }
}
