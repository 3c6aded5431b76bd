using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>What changed between two objects, as field sets (structured-merge-diff's Comparison).</summary>
internal sealed record FieldChanges(FieldSet Added, FieldSet Modified, FieldSet Removed)
{
    /// <summary>Fields whose value the change set or created.</summary>
    public FieldSet Changed => Added.Union(Modified);

    public static FieldChanges Between(JsonObject before, JsonObject after, FieldSetBuilder builder) =>
        Between(builder.Build(before), builder.Build(after));

    /// <summary>The changes between two sets built by <see cref="FieldSetBuilder"/> (which hold their leaves' values).</summary>
    public static FieldChanges Between(FieldSet before, FieldSet after) =>
        new(after.Difference(before), FieldSet.ModifiedLeaves(before, after), before.Difference(after));

    public bool IsEmpty => Added.IsEmpty && Modified.IsEmpty && Removed.IsEmpty;
}
