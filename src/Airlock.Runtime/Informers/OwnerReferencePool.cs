using k8s;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>
/// Makes cached objects with the same single owner reference share one owner-reference list: a task's four to six
/// children all carry the same controller reference to it. The shared list is read-only like the cached objects that
/// hold it. Bounded (<see cref="GenerationalPool{TKey,TValue}"/>): the lists of deleted owners are released.
/// </summary>
public sealed class OwnerReferencePool
{
    private readonly GenerationalPool<OwnerKey, IList<V1OwnerReference>> _pool;

    public OwnerReferencePool(int generationSize = 16_384) => _pool = new(generationSize);

    /// <summary>Owner-reference lists held.</summary>
    public int Count => _pool.Count;

    /// <summary>Replaces the object's owner-reference list with the pooled one equal to it, in place.</summary>
    public void Share(IKubernetesObject<V1ObjectMeta> obj)
    {
        if (obj.Metadata?.OwnerReferences is not [var owner] references) return;
        var key = new OwnerKey(owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion);
        obj.Metadata.OwnerReferences = _pool.GetOrAdd(key, _ => Array.AsReadOnly([owner]));
    }

    private readonly record struct OwnerKey(string ApiVersion, string Kind, string Name, string Uid, bool? Controller, bool? BlockOwnerDeletion);
}
