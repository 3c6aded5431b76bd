namespace Airlock.Runtime.Informers;

/// <summary>A watch call: from a resourceVersion, with bookmarks, closed by the server after the timeout.</summary>
public sealed record WatchRequest(InformerScope Scope, string ResourceVersion, int TimeoutSeconds);
