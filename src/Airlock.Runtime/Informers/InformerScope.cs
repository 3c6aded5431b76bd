namespace Airlock.Runtime.Informers;

/// <summary>Which objects an informer watches: one namespace (null: all) and label/field selectors.</summary>
public sealed record InformerScope(string? Namespace = null, string? LabelSelector = null, string? FieldSelector = null)
{
    public static InformerScope All { get; } = new();
}
