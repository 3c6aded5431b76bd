namespace Airlock.Runtime.Informers;

/// <summary>The objects of a list call and the resourceVersion to watch from.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string ResourceVersion);
