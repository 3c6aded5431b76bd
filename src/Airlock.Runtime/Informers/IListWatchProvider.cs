using k8s;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>Makes the list/watch source for a resource type and scope.</summary>
public interface IListWatchProvider
{
    IListWatch<T> Create<T>(InformerScope scope)
        where T : class, IKubernetesObject<V1ObjectMeta>;
}
