using k8s;

namespace Airlock.Runtime.Informers;

/// <summary>One watch event; for a bookmark only the object's resourceVersion is meaningful.</summary>
public readonly record struct ResourceEvent<T>(WatchEventType Type, T Object);
