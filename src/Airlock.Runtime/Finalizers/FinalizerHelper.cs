using System.Text.Json;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Finalizers;

/// <summary>
/// Adds and removes finalizers with a merge patch that carries the object's resourceVersion, so a concurrent
/// change makes the patch fail with 409 (retry from the cache) instead of dropping another finalizer.
/// Both are idempotent: nothing is written when the object is already as asked.
/// </summary>
public static class FinalizerHelper
{
    public static bool Has(IKubernetesObject<V1ObjectMeta> obj, string finalizer) =>
        obj.Metadata?.Finalizers?.Contains(finalizer) == true;

    public static Task<T> AddAsync<T>(IObjectPatcher<T> patcher, T obj, string finalizer, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        if (Has(obj, finalizer)) return Task.FromResult(obj);
        return patcher.PatchAsync(obj, Patch(obj, [.. obj.Metadata?.Finalizers ?? [], finalizer]), cancellationToken);
    }

    public static Task<T> RemoveAsync<T>(IObjectPatcher<T> patcher, T obj, string finalizer, CancellationToken cancellationToken = default)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        if (!Has(obj, finalizer)) return Task.FromResult(obj);
        return patcher.PatchAsync(obj, Patch(obj, [.. obj.Metadata.Finalizers.Where(f => f != finalizer)]), cancellationToken);
    }

    /// <summary>The merge patch that sets the finalizer list, guarded by resourceVersion.</summary>
    public static V1Patch Patch(IKubernetesObject<V1ObjectMeta> obj, IReadOnlyList<string> finalizers)
    {
        var body = JsonSerializer.Serialize(new
        {
            metadata = new { finalizers, resourceVersion = obj.Metadata?.ResourceVersion },
        });
        return new V1Patch(body, V1Patch.PatchType.MergePatch);
    }
}
