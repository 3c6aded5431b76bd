using k8s.Models;

namespace Airlock.Runtime.Events;

/// <summary>Where the recorder writes Events (the API server, or a fake in tests).</summary>
public interface IEventSink
{
    Task CreateAsync(Corev1Event evt, CancellationToken cancellationToken);

    /// <summary>Bumps an existing Event's count and lastTimestamp.</summary>
    Task UpdateCountAsync(string @namespace, string name, int count, DateTime lastTimestamp, CancellationToken cancellationToken);
}
