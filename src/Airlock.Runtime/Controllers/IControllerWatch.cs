using Airlock.Runtime.Informers;
using Airlock.Runtime.Queue;

namespace Airlock.Runtime.Controllers;

/// <summary>A source of reconcile requests: an informer and how its changes map to keys of the primary type.</summary>
public interface IControllerWatch
{
    ISharedInformer Informer { get; }

    /// <summary>Starts enqueueing; dispose the result to stop.</summary>
    IDisposable Register(IRateLimitingQueue<ObjectKey> queue);
}
