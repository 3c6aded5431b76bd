using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>What changed between two objects, as field sets (structured-merge-diff's Comparison).</summary>
internal sealed record FieldChanges(FieldSet Added, FieldSet Modified, FieldSet Removed)
{
    /// <summary>Fields whose value the change set or created.</summary>
    public FieldSet Changed => Added.Union(Modified);

    public static FieldChanges Between(JsonObject before, JsonObject after, FieldSetBuilder builder)
    {
        var beforeSet = builder.Build(before, out var beforeLeaves);
        var afterSet = builder.Build(after, out var afterLeaves);
        var modified = afterSet.Members()
            .Where(path => beforeSet.Contains(path)
                && afterLeaves.TryGetValue(FieldSetBuilder.LeafKey(path), out var now)
                && beforeLeaves.TryGetValue(FieldSetBuilder.LeafKey(path), out var then)
                && !JsonNode.DeepEquals(now, then));
        return new FieldChanges(afterSet.Difference(beforeSet), FieldSet.FromPaths(modified), beforeSet.Difference(afterSet));
    }

    public bool IsEmpty => Added.IsEmpty && Modified.IsEmpty && Removed.IsEmpty;
}
