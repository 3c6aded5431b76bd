using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Storage.Watching;

/// <summary>
/// One committed change. <see cref="Object"/> is the frozen stored snapshot after the change (for DELETED: the object as it was
/// removed, with the deletion's resourceVersion); <see cref="Previous"/> the snapshot before it (null for ADDED).
/// </summary>
public sealed record WatchEvent(WatchEventType Type, string TypeKey, string? Namespace, JsonObject Object, JsonObject? Previous, long Revision);
