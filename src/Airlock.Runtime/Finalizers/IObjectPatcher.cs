using k8s.Models;

namespace Airlock.Runtime.Finalizers;

/// <summary>Patches one object of a type (the API server, or a fake in tests).</summary>
public interface IObjectPatcher<T>
{
    Task<T> PatchAsync(T obj, V1Patch patch, CancellationToken cancellationToken);
}
