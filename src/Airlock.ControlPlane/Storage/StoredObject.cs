using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Storage;

/// <summary>One object as held by the store: <see cref="Object"/> is frozen (fully materialised, never mutated after commit).</summary>
public sealed record StoredObject(ResourceType Type, string Key, JsonObject Object, long Revision);
