using Airlock.Api.Tasks;
using Airlock.Operator.Reconciliation;
using Airlock.Runtime.Events;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Tests.Reconciliation;

/// <summary>Records every write and answers like an API server would (resourceVersion bumped).</summary>
public sealed class RecordingWriter : ISandboxWriter
{
    private int _version = 100;

    public List<string> Writes { get; } = [];

    public AgentTaskStatus? LastStatus { get; private set; }

    /// <summary>The pod an uncached read returns (null: 404).</summary>
    public V1Pod? LivePod { get; set; }

    /// <summary>The task an uncached read returns (null: 404).</summary>
    public AgentTask? LiveTask { get; set; }

    /// <summary>Status patches still to fail with 500 before one succeeds.</summary>
    public int FailingStatusWrites { get; set; }

    public Task<IKubernetesObject<V1ObjectMeta>> CreateAsync(IKubernetesObject<V1ObjectMeta> child, CancellationToken cancellationToken)
    {
        Writes.Add($"create {child.Kind}/{child.Metadata.Name}");
        child.Metadata.Uid ??= Guid.NewGuid().ToString();
        return Task.FromResult(Stored(child));
    }

    public Task<IKubernetesObject<V1ObjectMeta>> PatchAsync(IKubernetesObject<V1ObjectMeta> desired, IKubernetesObject<V1ObjectMeta> current, CancellationToken cancellationToken)
    {
        Writes.Add($"patch {desired.Kind}/{desired.Metadata.Name}");
        return Task.FromResult(Stored(desired));
    }

    public Task DeleteAsync(IKubernetesObject<V1ObjectMeta> child, CancellationToken cancellationToken)
    {
        Writes.Add($"delete {child.Kind}/{child.Metadata.Name}");
        return Task.CompletedTask;
    }

    public Task<AgentTask> SetFinalizersAsync(AgentTask task, IReadOnlyList<string> finalizers, CancellationToken cancellationToken)
    {
        Writes.Add($"finalizers [{string.Join(",", finalizers)}]");
        var copy = KubernetesJson.Deserialize<AgentTask>(KubernetesJson.Serialize(task));
        copy.Metadata.Finalizers = [.. finalizers];
        return Task.FromResult(Stored(copy));
    }

    public Task<AgentTask> PatchStatusAsync(AgentTask task, AgentTaskStatus status, CancellationToken cancellationToken, bool guarded = false)
    {
        if (FailingStatusWrites > 0)
        {
            FailingStatusWrites--;
            throw new HttpRequestException("injected: the status write failed");
        }
        Writes.Add($"status {status.Phase}" + (guarded ? $" (if resourceVersion {task.Metadata.ResourceVersion})" : ""));
        LastStatus = status;
        var copy = KubernetesJson.Deserialize<AgentTask>(KubernetesJson.Serialize(task));
        copy.Status = status;
        return Task.FromResult(Stored(copy));
    }

    public Task<V1Pod?> ReadPodAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        Writes.Add($"read Pod/{name}");
        return Task.FromResult(LivePod);
    }

    public Task<AgentTask?> ReadTaskAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        Writes.Add($"read AgentTask/{name}");
        return Task.FromResult(LiveTask);
    }

    private T Stored<T>(T obj)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        obj.Metadata.ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return obj;
    }
}

/// <summary>Returns a fixed observation.</summary>
public sealed class FixedObserver(ObservedSandbox observed) : ISandboxObserver
{
    public ObservedSandbox Observed { get; set; } = observed;

    public ObservedSandbox Observe(AgentTask task) => Observed;

    public ObservedSandbox ObserveForCleanup(AgentTask task) => Observed;
}

/// <summary>Keeps recorded events in memory.</summary>
public sealed class ListEventRecorder : IEventRecorder
{
    public List<string> Events { get; } = [];

    public void Record(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message) => Events.Add($"{type} {reason}");
}

/// <summary>Answers every task with one policy, changeable between reconciles.</summary>
public sealed class FixedPolicySource(Airlock.Operator.Policies.EffectivePolicy policy) : ITaskPolicySource
{
    public Airlock.Operator.Policies.EffectivePolicy Policy { get; set; } = policy;

    public Airlock.Operator.Policies.EffectivePolicy For(AgentTask task) => Policy;
}
