using Airlock.Api;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Events;

/// <summary>
/// Writes each signal through <paramref name="events"/> as a Warning Event carrying a <see cref="SignalSeal"/> over the task,
/// the reason, the recorder's component, the message and the time now.
/// </summary>
public sealed class SealedSignalRecorder(EventRecorder events, SignalSeal seal, TimeProvider? time = null) : ISignalRecorder
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public void Record(IKubernetesObject<V1ObjectMeta> task, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(task);
        var meta = task.Metadata;
        if (string.IsNullOrEmpty(meta?.Uid)) return; // nothing to bind a seal to: the operator would refuse it anyway
        var target = new V1ObjectReference { NamespaceProperty = meta.NamespaceProperty, Name = meta.Name, Uid = meta.Uid };
        var value = seal.Sign(target, reason, events.Component, message, _time.GetUtcNow());
        events.Record(task, EventTypes.Warning, reason, message, new Dictionary<string, string> { [AirlockAnnotations.SignalSeal] = value });
    }
}
