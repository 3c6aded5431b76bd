using System.Text.Json.Nodes;
using Airlock.ControlPlane.Storage.Selection;

namespace Airlock.ControlPlane.Storage;

/// <summary>Selectors and pagination of a list.</summary>
public sealed record ListOptions
{
    public static readonly ListOptions Everything = new();

    public LabelSelector Labels { get; init; } = LabelSelector.Everything;

    public FieldSelector Fields { get; init; } = FieldSelector.Everything;

    /// <summary>0 means no limit.</summary>
    public int Limit { get; init; }

    public string? Continue { get; init; }

    public bool Matches(JsonObject obj) => (Labels.IsEmpty || Labels.Matches(ObjectMeta.Labels(obj))) && (Fields.IsEmpty || Fields.Matches(obj));
}
