using System.Collections.Concurrent;
using Airlock.Runtime.Informers;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Tests.Fakes;

/// <summary>One fake source per type, so a test can drive every informer a factory makes.</summary>
public sealed class FakeListWatchProvider : IListWatchProvider
{
    private readonly ConcurrentDictionary<Type, object> _sources = new();

    public int Created { get; private set; }

    public FakeListWatch<T> Source<T>() => (FakeListWatch<T>)_sources.GetOrAdd(typeof(T), _ => new FakeListWatch<T>());

    public IListWatch<T> Create<T>(InformerScope scope)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        Created++;
        return Source<T>();
    }
}
