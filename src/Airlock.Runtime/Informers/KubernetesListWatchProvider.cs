using System.Collections.Concurrent;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>
/// Makes list/watch sources over a KubernetesClient: built-in types through the generated
/// <c>List…Async</c>/<c>WatchList…Async</c> methods (see <see cref="BuiltInListWatches"/>), anything else as a
/// custom resource through the custom-objects API, using the type's <see cref="KubernetesEntityAttribute"/>.
/// </summary>
public sealed class KubernetesListWatchProvider : IListWatchProvider
{
    private readonly IKubernetes _client;
    private readonly ConcurrentDictionary<Type, Func<InformerScope, object>> _factories = new();

    public KubernetesListWatchProvider(IKubernetes client)
    {
        _client = client;
        BuiltInListWatches.RegisterAll(this);
    }

    /// <summary>Adds (or replaces) how a type is listed and watched.</summary>
    public void Register<T, TList>(
        Func<IKubernetes, ListRequest, CancellationToken, Task<TList>> list,
        Func<IKubernetes, WatchRequest, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch)
        where TList : IItems<T>, IMetadata<V1ListMeta> =>
        _factories[typeof(T)] = scope => new KubernetesListWatch<T, TList>(
            scope, (r, ct) => list(_client, r, ct), (r, onError, ct) => watch(_client, r, onError, ct));

    public IListWatch<T> Create<T>(InformerScope scope)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        _factories.TryGetValue(typeof(T), out var factory) ? (IListWatch<T>)factory(scope) : CustomResource<T>(scope, ResourceType.Of<T>());

    /// <summary>A custom resource (or any type the API serves under /apis) through the custom-objects API.</summary>
    public IListWatch<T> CustomResource<T>(InformerScope scope, ResourceType type)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var api = _client.CustomObjects;
        return new KubernetesListWatch<T, ResourceList<T>>(
            scope,
            (r, ct) => r.Scope.Namespace is { } ns
                ? api.ListNamespacedCustomObjectAsync<ResourceList<T>>(
                    type.Group, type.Version, ns, type.Plural, continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector,
                    labelSelector: r.Scope.LabelSelector, limit: r.Limit, cancellationToken: ct)
                : api.ListClusterCustomObjectAsync<ResourceList<T>>(
                    type.Group, type.Version, type.Plural, continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector,
                    labelSelector: r.Scope.LabelSelector, limit: r.Limit, cancellationToken: ct),
            (r, onError, ct) => Typed<T>(
                r.Scope.Namespace is { } ns
                    ? api.WatchListNamespacedCustomObjectAsync(
                        type.Group, type.Version, ns, type.Plural, allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector,
                        labelSelector: r.Scope.LabelSelector, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds,
                        onError: onError, cancellationToken: ct)
                    : api.WatchListClusterCustomObjectAsync(
                        type.Group, type.Version, type.Plural, allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector,
                        labelSelector: r.Scope.LabelSelector, resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds,
                        onError: onError, cancellationToken: ct),
                ct));
    }

    private static async IAsyncEnumerable<(WatchEventType, T)> Typed<T>(
        IAsyncEnumerable<(WatchEventType, object)> events, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (type, obj) in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var typed = obj switch
            {
                T t => t,
                JsonElement element => KubernetesJson.Deserialize<T>(element),
                _ => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj)),
            };
            yield return (type, typed);
        }
    }
}
