namespace Airlock.Runtime.Informers;

/// <summary>Where an informer gets its objects: one list, then a watch from the list's resourceVersion.</summary>
public interface IListWatch<T>
{
    /// <summary>Lists every object in scope (all pages) with the collection's resourceVersion.</summary>
    Task<ListResult<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Watches from a resourceVersion (with bookmarks). Ends when the server closes the stream; throws
    /// <see cref="ResourceExpiredException"/> when the version is too old (410 Gone).
    /// </summary>
    IAsyncEnumerable<ResourceEvent<T>> WatchAsync(string resourceVersion, CancellationToken cancellationToken);
}
