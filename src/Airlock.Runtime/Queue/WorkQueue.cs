namespace Airlock.Runtime.Queue;

/// <summary>The basic work queue: FIFO, deduplicated, one worker per item at a time.</summary>
public sealed class WorkQueue<T> : IWorkQueue<T>
    where T : notnull
{
    private readonly Lock _lock = new();
    private readonly Queue<T> _queue = new();
    private readonly HashSet<T> _dirty = [];
    private readonly Dictionary<T, long> _processing = [];
    private readonly Dictionary<T, long> _queuedAt = [];
    private readonly List<TaskCompletionSource> _waiters = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;
    private readonly WorkQueueMetrics? _metrics;
    private bool _shuttingDown;

    /// <param name="metrics">Where to record workqueue_* metrics; none when null.</param>
    public WorkQueue(WorkQueueMetrics? metrics = null, TimeProvider? time = null)
    {
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _metrics?.Track(this);
    }

    public int Length
    {
        get { lock (_lock) return _queue.Count; }
    }

    public bool IsShuttingDown
    {
        get { lock (_lock) return _shuttingDown; }
    }

    public void Add(T item)
    {
        TaskCompletionSource[] waiters;
        lock (_lock)
        {
            if (_shuttingDown || !_dirty.Add(item)) return;
            _metrics?.Added();
            if (_processing.ContainsKey(item)) return;
            Enqueue(item);
            waiters = TakeWaiters();
        }
        Wake(waiters);
    }

    public async ValueTask<Dequeued<T>> GetAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TaskCompletionSource waiter;
            lock (_lock)
            {
                if (_queue.TryDequeue(out var item))
                {
                    _dirty.Remove(item);
                    var now = _time.GetTimestamp();
                    if (_queuedAt.Remove(item, out var queuedAt)) _metrics?.Taken(_time.GetElapsedTime(queuedAt, now));
                    _processing[item] = now;
                    return new Dequeued<T>(item, false);
                }
                if (_shuttingDown) return new Dequeued<T>(default!, true);
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(waiter);
            }
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Done(T item)
    {
        TaskCompletionSource[] waiters = [];
        var drained = false;
        lock (_lock)
        {
            if (!_processing.Remove(item, out var startedAt)) return;
            _metrics?.Finished(_time.GetElapsedTime(startedAt));
            if (_dirty.Contains(item))
            {
                Enqueue(item);
                waiters = TakeWaiters();
            }
            drained = _shuttingDown && _processing.Count == 0 && _queue.Count == 0;
        }
        Wake(waiters);
        if (drained) _drained.TrySetResult();
    }

    public void ShutDown()
    {
        TaskCompletionSource[] waiters;
        bool drained;
        lock (_lock)
        {
            _shuttingDown = true;
            waiters = TakeWaiters();
            drained = _processing.Count == 0 && _queue.Count == 0;
        }
        Wake(waiters);
        if (drained) _drained.TrySetResult();
    }

    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default)
    {
        ShutDown();
        return _drained.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Seconds of work in progress that has not finished yet, and the longest single one.</summary>
    internal (double Unfinished, double Longest) InFlight()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            double total = 0, longest = 0;
            foreach (var startedAt in _processing.Values)
            {
                var seconds = _time.GetElapsedTime(startedAt, now).TotalSeconds;
                total += seconds;
                longest = Math.Max(longest, seconds);
            }
            return (total, longest);
        }
    }

    private void Enqueue(T item)
    {
        _queue.Enqueue(item);
        _queuedAt[item] = _time.GetTimestamp();
        _metrics?.Enqueued();
    }

    // Every waiter is woken: one takes the item, the others wait again. Waking them all means a
    // waiter whose GetAsync was cancelled can never swallow the signal meant for a live worker.
    private TaskCompletionSource[] TakeWaiters()
    {
        if (_waiters.Count == 0) return [];
        var waiters = _waiters.ToArray();
        _waiters.Clear();
        return waiters;
    }

    private static void Wake(TaskCompletionSource[] waiters)
    {
        foreach (var waiter in waiters) waiter.TrySetResult();
    }
}
