using System.Collections.Immutable;
using System.Globalization;
using k8s;
using k8s.Models;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>The kubelet's caches of pods and RuntimeClasses, fed by the list/watch loops.</summary>
public sealed partial class SimulatedKubelet
{
    private static string KeyOf(V1Pod pod) => $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}";

    private bool Concerns(V1Pod pod) => string.IsNullOrEmpty(pod.Spec?.NodeName) || pod.Spec.NodeName == _options.NodeName;

    private void OnPodsListed(IReadOnlyList<V1Pod> pods)
    {
        var listed = pods.ToDictionary(KeyOf, StringComparer.Ordinal);
        foreach (var (key, cached) in _pods)
        {
            if (!listed.ContainsKey(key)) Forget(key, cached);
        }
        foreach (var (key, pod) in listed)
        {
            Store(key, pod);
            if (Concerns(pod)) _queue.Add(key);
        }
    }

    private void OnPodEvent(WatchEventType type, V1Pod pod)
    {
        var key = KeyOf(pod);
        if (type == WatchEventType.Deleted)
        {
            Forget(key, pod);
            return;
        }
        Store(key, pod);
        if (Concerns(pod)) _queue.Add(key);
    }

    /// <summary>Caches <paramref name="pod"/> unless the cache already holds a newer version of the same pod.</summary>
    private void Store(string key, V1Pod pod)
    {
        _pods.AddOrUpdate(key, pod, (_, cached) =>
        {
            if (cached.Metadata.Uid != pod.Metadata.Uid)
            {
                // The name was reused by a new pod while we were not looking: the old one is gone.
                _addresses.Release(cached.Metadata.Uid ?? key);
                return pod;
            }
            return IsOlder(pod.Metadata.ResourceVersion, cached.Metadata.ResourceVersion) ? cached : pod;
        });
    }

    private void Forget(string key, V1Pod pod)
    {
        if (_pods.TryGetValue(key, out var cached) && cached.Metadata.Uid == pod.Metadata.Uid) _pods.TryRemove(key, out _);
        _addresses.Release(pod.Metadata.Uid ?? key);
    }

    /// <summary>resourceVersions are opaque, but this server's (and etcd's) are integers: compare them when they parse.</summary>
    private static bool IsOlder(string? candidate, string? cached) =>
        long.TryParse(candidate, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
        && long.TryParse(cached, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
        && a < b;

    private void OnRuntimeClassesListed(IReadOnlyList<V1RuntimeClass> classes)
    {
        _runtimeClasses = classes.Select(c => c.Metadata.Name).ToImmutableHashSet(StringComparer.Ordinal);
        RequeueWaitingPods();
    }

    private void OnRuntimeClassEvent(WatchEventType type, V1RuntimeClass runtimeClass)
    {
        var name = runtimeClass.Metadata.Name;
        ImmutableInterlocked.Update(ref _runtimeClasses, set => type == WatchEventType.Deleted ? set.Remove(name) : set.Add(name));
        if (type != WatchEventType.Deleted) RequeueWaitingPods();
    }

    /// <summary>A RuntimeClass appeared: every pod that has not started yet may now start.</summary>
    private void RequeueWaitingPods()
    {
        foreach (var (key, pod) in _pods)
        {
            if (Concerns(pod) && pod.Status?.Phase is null or "Pending") _queue.Add(key);
        }
    }
}
