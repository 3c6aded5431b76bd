using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Patching;

/// <summary>Builds the 409 an apply with conflicts gets, worded like the API server's fieldmanager (causes of type FieldManagerConflict).</summary>
internal static class ApplyConflict
{
    public static ApiError Error(IReadOnlyList<(ManagedFieldsEntry Owner, IReadOnlyList<string> Path)> conflicts)
    {
        var ordered = conflicts
            .Select(c => (Owner: c.Owner.Describe(), Path: FieldPath.Display(c.Path)))
            .OrderBy(c => c.Owner, StringComparer.Ordinal)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
        string message;
        if (ordered.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {ordered[0].Owner}: {ordered[0].Path}";
        }
        else
        {
            var lines = ordered.GroupBy(c => c.Owner)
                .SelectMany(g => g.Select(c => "- " + c.Path).Prepend($"conflicts with {g.Key}:"));
            message = $"Apply failed with {ordered.Count} conflicts: {string.Join("\n", lines)}";
        }
        var causes = ordered.Select(c => new StatusCause("FieldManagerConflict", $"conflict with {c.Owner}", c.Path)).ToList();
        return new ApiError(409, "Conflict", message, new StatusDetails(null, null, null) { Causes = causes });
    }
}
