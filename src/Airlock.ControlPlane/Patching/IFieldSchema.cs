namespace Airlock.ControlPlane.Patching;

/// <summary>
/// Merge-relevant shape of one kind, addressed by field path: the JSON field names from the object root,
/// list items adding no segment (<c>["spec", "containers", "env"]</c>).
/// </summary>
public interface IFieldSchema
{
    ListStrategy ListAt(IReadOnlyList<string> fieldPath);

    ObjectKind ObjectAt(IReadOnlyList<string> fieldPath);
}
