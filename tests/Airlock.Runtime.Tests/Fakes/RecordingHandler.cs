using System.Collections.Concurrent;
using Airlock.Runtime.Informers;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Tests.Fakes;

/// <summary>Records handler calls as readable strings: "add a", "update a 1->2", "delete a (unknown)".</summary>
public sealed class RecordingHandler<T> : IResourceEventHandler<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> Calls => [.. _calls];

    public void OnAdd(T obj, bool isInInitialList) => _calls.Enqueue($"add {obj.Metadata.Name}");

    public void OnUpdate(T oldObj, T newObj) =>
        _calls.Enqueue($"update {newObj.Metadata.Name} {oldObj.Metadata.ResourceVersion}->{newObj.Metadata.ResourceVersion}");

    public void OnDelete(T obj, bool finalStateUnknown) =>
        _calls.Enqueue($"delete {obj.Metadata.Name}" + (finalStateUnknown ? " (unknown)" : ""));
}
