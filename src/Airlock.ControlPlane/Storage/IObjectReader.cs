using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Storage;

/// <summary>
/// Read access to stored objects for in-process collaborators (RBAC, TokenReview, admission).
/// Returned objects are shared snapshots: never mutate them (DeepClone first).
/// </summary>
public interface IObjectReader
{
    JsonObject? Get(ResourceType type, string? @namespace, string name);

    /// <summary>All objects of a type; <paramref name="namespace"/> null means every namespace.</summary>
    IReadOnlyList<JsonObject> List(ResourceType type, string? @namespace);
}
