using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Storage;

/// <summary>
/// Read access to stored objects for in-process collaborators (RBAC, TokenReview, admission).
/// Returned objects are shared snapshots: never mutate them (DeepClone first). <see cref="ObjectStore"/> hands out its frozen
/// snapshots through this interface (its public <c>Get</c>/<c>List</c> return copies), so reading costs no copy and an object
/// is the same instance until it changes (callers may cache what they derive from it by reference).
/// </summary>
public interface IObjectReader
{
    JsonObject? Get(ResourceType type, string? @namespace, string name);

    /// <summary>All objects of a type; <paramref name="namespace"/> null means every namespace.</summary>
    IReadOnlyList<JsonObject> List(ResourceType type, string? @namespace);

    /// <summary>
    /// The revision of the newest change to objects of <paramref name="type"/>, when the reader tracks one: what a caller
    /// derives from a type's objects stays valid while it is unchanged. Null (the default) when not tracked.
    /// </summary>
    long? RevisionOf(ResourceType type) => null;
}
