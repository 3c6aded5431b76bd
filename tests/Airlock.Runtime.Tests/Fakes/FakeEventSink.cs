using System.Collections.Concurrent;
using Airlock.Runtime.Events;
using k8s.Models;

namespace Airlock.Runtime.Tests.Fakes;

/// <summary>Keeps created events and count updates in memory.</summary>
public sealed class FakeEventSink : IEventSink
{
    public ConcurrentQueue<Corev1Event> Created { get; } = new();

    public ConcurrentQueue<(string Name, int Count)> Updates { get; } = new();

    public Task CreateAsync(Corev1Event evt, CancellationToken cancellationToken)
    {
        Created.Enqueue(evt);
        return Task.CompletedTask;
    }

    public Task UpdateCountAsync(string @namespace, string name, int count, DateTime lastTimestamp, CancellationToken cancellationToken)
    {
        Updates.Enqueue((name, count));
        return Task.CompletedTask;
    }
}
