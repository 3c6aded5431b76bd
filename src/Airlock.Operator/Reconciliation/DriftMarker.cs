using Airlock.Api;
using Airlock.Operator.Sandbox;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// Finds children changed outside Airlock as their copies arrive, before the cache slims them (a NetworkPolicy keeps no
/// spec in the cache). A copy whose <see cref="ChildFingerprint"/> no longer matches the desired-state hash it carries is
/// cached with the hash <see cref="Drifted"/>, which matches no desired object: the reconciler sees a difference and
/// patches the child back. Recomputing the stamp after an edit does not hide it either: the reconciler compares the stamp
/// with the hash of what it builds now, which only the desired content has.
/// </summary>
public static class DriftMarker
{
    /// <summary>The desired-state hash a changed child is cached with.</summary>
    public const string Drifted = "drifted";

    /// <summary><paramref name="inner"/> (the cache transform) after marking drift.</summary>
    public static Func<IKubernetesObject<V1ObjectMeta>, IKubernetesObject<V1ObjectMeta>> Before(
        Func<IKubernetesObject<V1ObjectMeta>, IKubernetesObject<V1ObjectMeta>> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return obj => inner(Mark(obj));
    }

    /// <summary>Marks the object in place when its content no longer matches its stamp; returns it.</summary>
    public static IKubernetesObject<V1ObjectMeta> Mark(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!ChildFingerprint.Covers(obj) || DesiredHash.Read(obj) is not { } stamp || !stamp.StartsWith(ChildFingerprint.Prefix, StringComparison.Ordinal)) return obj;
        if (ChildFingerprint.Of(obj) != stamp) obj.Metadata.Annotations[AirlockAnnotations.DesiredHash] = Drifted;
        return obj;
    }

    /// <summary>True when the cached copy was marked as changed outside Airlock.</summary>
    public static bool IsDrifted(IKubernetesObject<V1ObjectMeta>? obj) => obj is not null && DesiredHash.Read(obj) == Drifted;
}
