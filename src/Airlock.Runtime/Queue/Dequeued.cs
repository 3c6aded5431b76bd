namespace Airlock.Runtime.Queue;

/// <summary>An item taken from a work queue, or the signal that the queue is shut down and empty.</summary>
public readonly record struct Dequeued<T>(T Item, bool Shutdown);
