using k8s;
using k8s.Models;

namespace Airlock.Runtime.Events;

/// <summary>Records anomaly signals as sealed Warning Events on a task (what the operator quarantines on). Never blocks or throws.</summary>
public interface ISignalRecorder
{
    void Record(IKubernetesObject<V1ObjectMeta> task, string reason, string message);
}
