using Airlock.Runtime.Informers;
using Airlock.Runtime.Queue;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Controllers;

/// <summary>
/// Enqueues the keys an object maps to on every add, update and delete (old and new state on update), except adds and
/// updates whose new state <c>ignore</c> marks as an echo of the controller's own write.
/// </summary>
public sealed class MappedWatch<TSource> : IControllerWatch
    where TSource : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ISharedInformer<TSource> _informer;
    private readonly Func<TSource, IEnumerable<ObjectKey>> _map;
    private readonly Func<TSource, bool>? _ignore;

    public MappedWatch(ISharedInformer<TSource> informer, Func<TSource, IEnumerable<ObjectKey>> map, Func<TSource, bool>? ignore = null)
    {
        _informer = informer;
        _map = map;
        _ignore = ignore;
    }

    public ISharedInformer Informer => _informer;

    public IDisposable Register(IRateLimitingQueue<ObjectKey> queue)
    {
        void Enqueue(TSource obj)
        {
            foreach (var key in _map(obj)) queue.Add(key);
        }

        return _informer.AddEventHandler(new ResourceEventHandler<TSource>
        {
            Added = (obj, _) =>
            {
                if (_ignore?.Invoke(obj) != true) Enqueue(obj);
            },
            Updated = (oldObj, newObj) =>
            {
                if (!ReferenceEquals(oldObj, newObj) && _ignore?.Invoke(newObj) == true) return;
                Enqueue(newObj);
                if (!ReferenceEquals(oldObj, newObj)) Enqueue(oldObj);
            },
            Deleted = (obj, _) => Enqueue(obj),
        });
    }
}
