using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>A leaf of a <see cref="FieldSet"/> built from an object: its path and the value it holds there.</summary>
internal readonly record struct FieldLeaf(string[] Path, JsonNode? Value);
