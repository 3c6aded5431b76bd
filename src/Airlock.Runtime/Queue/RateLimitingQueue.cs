namespace Airlock.Runtime.Queue;

/// <summary>
/// A work queue with delayed adds kept in one heap (a single loop waits for the earliest due item,
/// whatever the number of waiting items) and rate-limited adds for retries.
/// </summary>
public sealed class RateLimitingQueue<T> : IRateLimitingQueue<T>
    where T : notnull
{
    private readonly Lock _lock = new();
    private readonly WorkQueue<T> _queue;
    private readonly IRateLimiter<T> _limiter;
    private readonly WorkQueueMetrics? _metrics;
    private readonly TimeProvider _time;
    private readonly PriorityQueue<T, long> _heap = new();
    private readonly Dictionary<T, long> _due = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _wake = NewSignal();
    private long _nextDue = long.MaxValue;

    /// <param name="limiter">Retry delays; <see cref="RateLimiters.ControllerDefault{T}"/> when null.</param>
    /// <param name="metrics">Where to record workqueue_* metrics; none when null.</param>
    /// <param name="time">Clock; the system clock when null.</param>
    public RateLimitingQueue(IRateLimiter<T>? limiter = null, WorkQueueMetrics? metrics = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _limiter = limiter ?? RateLimiters.ControllerDefault<T>(_time);
        _metrics = metrics;
        _queue = new WorkQueue<T>(metrics, _time);
        _ = Task.Run(DelayLoopAsync);
    }

    public int Length => _queue.Length;

    public bool IsShuttingDown => _queue.IsShuttingDown;

    /// <summary>Number of items waiting for their delay to pass.</summary>
    public int WaitingCount
    {
        get { lock (_lock) return _due.Count; }
    }

    public void Add(T item) => _queue.Add(item);

    public ValueTask<Dequeued<T>> GetAsync(CancellationToken cancellationToken = default) => _queue.GetAsync(cancellationToken);

    public void Done(T item) => _queue.Done(item);

    public void AddAfter(T item, TimeSpan delay)
    {
        if (_queue.IsShuttingDown) return;
        if (delay <= TimeSpan.Zero)
        {
            _queue.Add(item);
            return;
        }
        var due = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        TaskCompletionSource? wake = null;
        lock (_lock)
        {
            // An item already waiting keeps the earlier of its two due times.
            if (_due.TryGetValue(item, out var existing) && existing <= due) return;
            _due[item] = due;
            _heap.Enqueue(item, due);
            if (due < _nextDue)
            {
                _nextDue = due;
                wake = _wake;
            }
        }
        wake?.TrySetResult();
    }

    public void Unschedule(T item)
    {
        // The heap entry stays behind; the delay loop skips entries whose due time is no longer recorded.
        lock (_lock) _due.Remove(item);
    }

    public void AddRateLimited(T item)
    {
        if (_queue.IsShuttingDown) return;
        _metrics?.Retried();
        AddAfter(item, _limiter.When(item));
    }

    public void Forget(T item) => _limiter.Forget(item);

    public int NumRequeues(T item) => _limiter.NumRequeues(item);

    public void ShutDown()
    {
        _stop.Cancel();
        _queue.ShutDown();
    }

    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default)
    {
        _stop.Cancel();
        return _queue.ShutDownWithDrainAsync(cancellationToken);
    }

    private async Task DelayLoopAsync()
    {
        var ready = new List<T>();
        while (!_stop.IsCancellationRequested)
        {
            Task wakeTask;
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetTimestamp();
                while (_heap.TryPeek(out var item, out var due) && due <= now)
                {
                    _heap.Dequeue();
                    // Skip entries superseded by an earlier due time for the same item.
                    if (_due.TryGetValue(item, out var current) && current == due)
                    {
                        _due.Remove(item);
                        ready.Add(item);
                    }
                }
                _nextDue = _heap.TryPeek(out _, out var next) ? next : long.MaxValue;
                wait = _nextDue == long.MaxValue
                    ? Timeout.InfiniteTimeSpan
                    : TimeSpan.FromSeconds((double)(_nextDue - now) / _time.TimestampFrequency);
                _wake = NewSignal();
                wakeTask = _wake.Task;
            }
            foreach (var item in ready) _queue.Add(item);
            ready.Clear();
            await WaitAsync(wait, wakeTask).ConfigureAwait(false);
        }
    }

    private async Task WaitAsync(TimeSpan wait, Task wakeTask)
    {
        using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var delay = Task.Delay(wait, _time, cancelDelay.Token);
        await Task.WhenAny(delay, wakeTask).ConfigureAwait(false);
        await cancelDelay.CancelAsync().ConfigureAwait(false);
        // Observe the delay's cancellation so it is not reported as unobserved.
        await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
