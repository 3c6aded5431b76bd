using k8s;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>A non-generic view of an informer, for starting it and checking that it has synced.</summary>
public interface ISharedInformer
{
    /// <summary>True once the first list has been cached and delivered to handlers.</summary>
    bool HasSynced { get; }

    /// <summary>Lists and watches until cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    Task WaitForSyncAsync(CancellationToken cancellationToken);
}

/// <summary>One list+watch per resource type, a cache shared by every controller, and handlers for changes.</summary>
public interface ISharedInformer<T> : ISharedInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    InformerCache<T> Cache { get; }

    /// <summary>The resourceVersion the informer has seen up to (list, event or bookmark).</summary>
    string LastSyncResourceVersion { get; }

    /// <summary>Adds a handler; cached objects are replayed to it as adds. Dispose the result to remove it.</summary>
    IDisposable AddEventHandler(IResourceEventHandler<T> handler);
}
