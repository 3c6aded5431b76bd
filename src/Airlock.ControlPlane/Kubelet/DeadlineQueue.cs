namespace Airlock.ControlPlane.Kubelet;

/// <summary>
/// One timer for all pods: keys with their wake-up times in a priority queue, served by a single loop. Scheduling a key
/// again keeps the earlier of its two times (the later one is rescheduled when the key is processed). Thread-safe.
/// </summary>
public sealed class DeadlineQueue(TimeProvider timeProvider)
{
    private readonly TimeProvider _time = timeProvider;
    private readonly Lock _lock = new();
    private readonly PriorityQueue<string, DateTimeOffset> _queue = new();
    private readonly Dictionary<string, DateTimeOffset> _scheduled = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (_lock) return _scheduled.Count;
        }
    }

    public void Schedule(string key, DateTimeOffset at)
    {
        TaskCompletionSource? wake = null;
        lock (_lock)
        {
            if (_scheduled.TryGetValue(key, out var existing) && existing <= at) return;
            var becomesFirst = !_queue.TryPeek(out _, out var first) || at < first;
            _scheduled[key] = at;
            _queue.Enqueue(key, at);
            if (becomesFirst)
            {
                wake = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        wake?.TrySetResult();
    }

    /// <summary>Removes and returns the keys due at <paramref name="now"/> (earliest first), and the next wake-up after them.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now, out DateTimeOffset? next)
    {
        var due = new List<string>();
        lock (_lock)
        {
            while (_queue.TryPeek(out var key, out var at))
            {
                // A stale entry: the key was rescheduled earlier, or already taken.
                if (!_scheduled.TryGetValue(key, out var current) || current != at)
                {
                    _queue.Dequeue();
                    continue;
                }
                if (at > now) break;
                _queue.Dequeue();
                _scheduled.Remove(key);
                due.Add(key);
            }
            next = _queue.TryPeek(out _, out var nextAt) ? nextAt : null;
        }
        return due;
    }

    /// <summary>Calls <paramref name="onDue"/> for every key when its time comes, until cancelled.</summary>
    public async Task RunAsync(Action<string> onDue, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Task changed;
            lock (_lock) changed = _changed.Task;
            var due = TakeDue(_time.GetUtcNow(), out var next);
            foreach (var key in due) onDue(key);
            var delay = next is { } at ? at - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            if (delay != Timeout.InfiniteTimeSpan && delay <= TimeSpan.Zero) continue;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(delay, _time, stop.Token);
            await Task.WhenAny(timer, changed).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }
}
