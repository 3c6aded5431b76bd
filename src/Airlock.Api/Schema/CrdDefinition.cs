using k8s.Models;

namespace Airlock.Api.Schema;

/// <summary>What a CustomResourceDefinition needs beyond the schema of its C# type: names, scope, columns.</summary>
public sealed record CrdDefinition
{
    public required Type EntityType { get; init; }

    public required string Kind { get; init; }

    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<V1CustomResourceColumnDefinition> PrinterColumns { get; init; } = [];

    public string Group => AgentsGroup.Name;

    public string Version => AgentsGroup.Version;

    /// <summary>The CRD object name, <c>plural.group</c>.</summary>
    public string Name => $"{Plural}.{Group}";

    /// <summary>The file the generator writes, <c>group_plural.yaml</c> (the controller-gen convention).</summary>
    public string FileName => $"{Group}_{Plural}.yaml";
}
