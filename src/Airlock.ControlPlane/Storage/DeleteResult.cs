namespace Airlock.ControlPlane.Storage;

/// <summary>The object after a delete: <see cref="Removed"/> is false while finalizers hold it (it then carries a deletionTimestamp).</summary>
public sealed record DeleteResult(System.Text.Json.Nodes.JsonObject Object, bool Removed);
