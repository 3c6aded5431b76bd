using k8s;
using k8s.Models;

namespace Airlock.Runtime.Finalizers;

/// <summary>Patches objects of any type through KubernetesClient's <see cref="GenericClient"/>.</summary>
public sealed class GenericObjectPatcher<T> : IObjectPatcher<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly GenericClient _client;

    public GenericObjectPatcher(IKubernetes client, ResourceType? type = null)
    {
        var t = type ?? ResourceType.Of<T>();
        _client = t.Group.Length == 0
            ? new GenericClient(client, t.Version, t.Plural, disposeClient: false)
            : new GenericClient(client, t.Group, t.Version, t.Plural, disposeClient: false);
    }

    public Task<T> PatchAsync(T obj, V1Patch patch, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(obj.Metadata.NamespaceProperty)
            ? _client.PatchAsync<T>(patch, obj.Metadata.Name, cancellationToken)
            : _client.PatchNamespacedAsync<T>(patch, obj.Metadata.NamespaceProperty, obj.Metadata.Name, cancellationToken);
}
