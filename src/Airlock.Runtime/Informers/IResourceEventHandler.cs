namespace Airlock.Runtime.Informers;

/// <summary>Receives an informer's changes. Calls are sequential and must be quick (enqueue, don't work).</summary>
public interface IResourceEventHandler<in T>
{
    /// <param name="isInInitialList">True for objects from the first list or replayed to a late handler.</param>
    void OnAdd(T obj, bool isInInitialList);

    /// <summary>A change, or a periodic resync (then <paramref name="oldObj"/> and <paramref name="newObj"/> are the same).</summary>
    void OnUpdate(T oldObj, T newObj);

    /// <param name="finalStateUnknown">
    /// True when the deletion was noticed by a relist, not a watch event: <paramref name="obj"/> is the last
    /// state the cache saw, not the final one.
    /// </param>
    void OnDelete(T obj, bool finalStateUnknown);
}
