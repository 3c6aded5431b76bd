namespace Airlock.ControlPlane.Patching;

/// <summary>One metav1.ManagedFieldsEntry: who (manager, operation, subresource) owns which fields, since when.</summary>
public sealed class ManagedFieldsEntry
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    public required string Manager { get; init; }

    public required string Operation { get; init; }

    public string? Subresource { get; init; }

    public required string ApiVersion { get; set; }

    public string? Time { get; set; }

    public required FieldSet Fields { get; set; }

    public bool Is(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && (Subresource ?? "") == (subresource ?? "");

    /// <summary>How the API server names a manager in conflict messages.</summary>
    public string Describe() =>
        string.IsNullOrEmpty(Subresource)
            ? $"\"{Manager}\" using {ApiVersion}"
            : $"\"{Manager}\" with subresource \"{Subresource}\" using {ApiVersion}";
}
