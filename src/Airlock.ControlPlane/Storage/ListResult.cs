using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Storage;

/// <summary>One page of a list. Items are the store's frozen snapshots: serialise them, never mutate them.</summary>
public sealed record ListResult(IReadOnlyList<JsonObject> Items, long Revision, string? Continue, long? RemainingItemCount);
