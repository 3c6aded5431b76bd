using System.Globalization;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Events;

/// <summary>Writes core v1 Events with KubernetesClient: create, then merge-patch count and lastTimestamp.</summary>
public sealed class KubernetesEventSink(IKubernetes client) : IEventSink
{
    public Task CreateAsync(Corev1Event evt, CancellationToken cancellationToken) =>
        client.CoreV1.CreateNamespacedEventAsync(evt, evt.Metadata.NamespaceProperty, cancellationToken: cancellationToken);

    public Task UpdateCountAsync(string @namespace, string name, int count, DateTime lastTimestamp, CancellationToken cancellationToken)
    {
        var body = $$"""{"count":{{count}},"lastTimestamp":"{{lastTimestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}"}""";
        return client.CoreV1.PatchNamespacedEventAsync(new V1Patch(body, V1Patch.PatchType.MergePatch), name, @namespace, cancellationToken: cancellationToken);
    }
}
