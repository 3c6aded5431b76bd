using k8s;
using k8s.Models;

namespace Airlock.Runtime.Events;

/// <summary>Records Kubernetes Events about an object. Never blocks and never throws: events are best effort.</summary>
public interface IEventRecorder
{
    void Record(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message);
}
