namespace Airlock.ControlPlane.Patching;

/// <summary>
/// Merge behaviour of one list field. <see cref="Keys"/> are the server-side-apply list-map keys,
/// <see cref="PatchMergeKey"/> the strategic-merge-patch key (the Go <c>patchMergeKey</c> tag); they differ for
/// e.g. container ports (SSA: containerPort+protocol, SMP: containerPort). <see cref="KeyDefaults"/> fill key fields
/// the server would default (protocol TCP) so an applied item matches its defaulted live twin.
/// </summary>
public sealed record ListStrategy(ListKind Kind, IReadOnlyList<string> Keys, string? PatchMergeKey = null)
{
    public static readonly ListStrategy Atomic = new(ListKind.Atomic, []);

    public static readonly ListStrategy Set = new(ListKind.Set, []);

    public IReadOnlyDictionary<string, string> KeyDefaults { get; init; } = new Dictionary<string, string>();

    /// <summary>True when a strategic merge patch merges this list (rather than replacing it).</summary>
    public bool MergesInStrategicPatch => Kind == ListKind.Set || (Kind == ListKind.Map && PatchMergeKey is not null);

    public static ListStrategy ByKey(params string[] keys) => new(ListKind.Map, keys, keys[0]);
}
