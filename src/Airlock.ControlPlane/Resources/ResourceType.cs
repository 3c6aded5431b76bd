using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Resources;

/// <summary>One servable REST resource (built-in or registered from a CRD), as discovery describes it.</summary>
public sealed record ResourceType
{
    /// <summary>API group; empty string for the core ("legacy") group.</summary>
    public required string Group { get; init; }

    public required string Version { get; init; }

    /// <summary>Plural, lower-case resource name used in URLs (e.g. <c>pods</c>).</summary>
    public required string Resource { get; init; }

    public required string Kind { get; init; }

    public string ListKind => Kind + "List";

    public required string Singular { get; init; }

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Verbs served on the main resource (discovery lists them; kubectl reads them).</summary>
    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;

    /// <summary>Subresources, e.g. <c>status</c>, <c>token</c> (serviceaccounts), <c>binding</c>.</summary>
    public IReadOnlyList<string> Subresources { get; init; } = [];

    /// <summary>Extra printer columns for Table output (CRD <c>additionalPrinterColumns</c> or built-in ones). NAME and AGE are implicit.</summary>
    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>CLR model type from KubernetesClient for built-in kinds (schema generation, typed reads); null for custom resources.</summary>
    public Type? ClrType { get; init; }

    /// <summary>For custom resources: the version's <c>openAPIV3Schema</c> from the CRD. Null for built-ins.</summary>
    public JsonObject? CustomSchema { get; init; }

    /// <summary>True when registered from a CustomResourceDefinition.</summary>
    public bool IsCustom { get; init; }

    /// <summary>True for create-only virtual resources that are never stored (TokenReview, SubjectAccessReview…).</summary>
    public bool IsVirtual { get; init; }

    /// <summary>Whether <c>metadata.generation</c> is bumped on spec changes (everything that is not metadata or status).</summary>
    public bool TracksGeneration { get; init; } = true;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupVersion => ApiVersion;

    /// <summary><c>resource.group</c>, the name RBAC and error messages use (<c>pods</c>, <c>agenttasks.agents.airlock.dev</c>).</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";

    public bool HasSubresource(string name) => Subresources.Contains(name, StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> StandardVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static readonly IReadOnlyList<string> CreateOnlyVerbs = ["create"];
}
