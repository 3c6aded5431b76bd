using System.Collections.Concurrent;
using Airlock.Runtime.Controllers;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Tests.Fakes;

/// <summary>Records each reconcile and answers with the given function.</summary>
public sealed class ScriptedReconciler<T>(Func<ReconcileRequest<T>, int, ReconcileResult>? script = null) : IReconciler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentQueue<ObjectKey> _seen = new();
    private readonly ConcurrentDictionary<ObjectKey, int> _inFlight = new();
    private int _calls;

    public IReadOnlyList<ObjectKey> Seen => [.. _seen];

    /// <summary>Set when two workers ever reconciled the same key at once.</summary>
    public bool Overlapped { get; private set; }

    public TimeSpan WorkTime { get; init; } = TimeSpan.Zero;

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest<T> request, CancellationToken cancellationToken)
    {
        if (_inFlight.AddOrUpdate(request.Key, 1, (_, n) => n + 1) > 1) Overlapped = true;
        try
        {
            var call = Interlocked.Increment(ref _calls);
            _seen.Enqueue(request.Key);
            if (WorkTime > TimeSpan.Zero) await Task.Delay(WorkTime, cancellationToken);
            return script?.Invoke(request, call) ?? ReconcileResult.Done;
        }
        finally
        {
            _inFlight.AddOrUpdate(request.Key, 0, (_, n) => n - 1);
        }
    }
}
