namespace Airlock.ControlPlane.Patching;

/// <summary>
/// The list and map shapes of a built-in kind, from the Kubernetes Go types' <c>patchStrategy</c>/<c>patchMergeKey</c>
/// tags and <c>+listType</c>/<c>+listMapKey</c>/<c>+structType</c>/<c>+mapType</c> markers (k8s.io/api core/v1, apps/v1…).
/// Paths not listed are atomic lists and structs.
/// </summary>
public sealed class BuiltinFieldSchema : IFieldSchema
{
    private readonly IReadOnlyDictionary<string, ListStrategy> _lists;
    private readonly IReadOnlyDictionary<string, ObjectKind> _objects;

    public BuiltinFieldSchema(IReadOnlyDictionary<string, ListStrategy> lists, IReadOnlyDictionary<string, ObjectKind> objects)
    {
        _lists = lists;
        _objects = objects;
    }

    public ListStrategy ListAt(IReadOnlyList<string> fieldPath) =>
        _lists.TryGetValue(string.Join('.', fieldPath), out var strategy) ? strategy : ListStrategy.Atomic;

    public ObjectKind ObjectAt(IReadOnlyList<string> fieldPath)
    {
        if (_objects.TryGetValue(string.Join('.', fieldPath), out var kind))
        {
            return kind;
        }
        // ObjectMeta is embedded everywhere (pod templates too): its labels and annotations are maps.
        return fieldPath.Count >= 2 && fieldPath[^2] == "metadata" && fieldPath[^1] is "labels" or "annotations"
            ? ObjectKind.Map
            : ObjectKind.Struct;
    }
}
