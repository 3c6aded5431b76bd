namespace Airlock.Runtime.Queue;

/// <summary>
/// A queue of keys to process: an item added several times before it is taken is processed once, and
/// an item is never handed to two workers at once (re-adds while it is processed wait until Done).
/// </summary>
public interface IWorkQueue<T>
    where T : notnull
{
    /// <summary>Number of items waiting to be taken (not counting those being processed).</summary>
    int Length { get; }

    bool IsShuttingDown { get; }

    void Add(T item);

    /// <summary>Waits for the next item; returns <see cref="Dequeued{T}.Shutdown"/> once shut down and empty.</summary>
    ValueTask<Dequeued<T>> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks the item processed; if it was re-added meanwhile it goes back on the queue.</summary>
    void Done(T item);

    /// <summary>Stops accepting items; workers still receive what is queued, then <see cref="Dequeued{T}.Shutdown"/>.</summary>
    void ShutDown();

    /// <summary>Shuts down and waits until every queued and in-flight item is Done.</summary>
    Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default);
}
