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
        return Between(beforeSet, beforeLeaves, afterSet, afterLeaves);
    }

    /// <summary>The changes between two built sets and their leaves.</summary>
    public static FieldChanges Between(FieldSet beforeSet, Dictionary<string, FieldLeaf> beforeLeaves, FieldSet afterSet, Dictionary<string, FieldLeaf> afterLeaves)
    {
        // A leaf of both sides is a member of both; it is modified when its value differs.
        var modified = new FieldSet();
        foreach (var (key, now) in afterLeaves)
        {
            if (beforeLeaves.TryGetValue(key, out var then) && !JsonNode.DeepEquals(now.Value, then.Value)) modified.Insert(now.Path);
        }
        return new FieldChanges(afterSet.Difference(beforeSet), modified, beforeSet.Difference(afterSet));
    }

    public bool IsEmpty => Added.IsEmpty && Modified.IsEmpty && Removed.IsEmpty;
}
