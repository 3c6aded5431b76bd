namespace Airlock.Runtime.Controllers;

/// <summary>The object to reconcile: its key and its cached state (null when it is no longer in the cache).</summary>
public sealed record ReconcileRequest<T>(ObjectKey Key, T? Object)
    where T : class;
