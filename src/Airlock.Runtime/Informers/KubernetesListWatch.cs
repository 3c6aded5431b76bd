using System.Net;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>
/// An <see cref="IListWatch{T}"/> over KubernetesClient calls: lists page by page, watches with bookmarks and a
/// randomized server timeout, and turns 410 Gone (as an HTTP status or a watch ERROR event) into
/// <see cref="ResourceExpiredException"/>.
/// </summary>
public sealed class KubernetesListWatch<T, TList> : IListWatch<T>
    where TList : IItems<T>, IMetadata<V1ListMeta>
{
    /// <summary>Page size of list calls.</summary>
    public const int PageSize = 500;

    private readonly InformerScope _scope;
    private readonly Func<ListRequest, CancellationToken, Task<TList>> _list;
    private readonly Func<WatchRequest, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> _watch;

    public KubernetesListWatch(
        InformerScope scope,
        Func<ListRequest, CancellationToken, Task<TList>> list,
        Func<WatchRequest, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch)
    {
        _scope = scope;
        _list = list;
        _watch = watch;
    }

    public async Task<ListResult<T>> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? next = null;
        string resourceVersion;
        do
        {
            TList page;
            try
            {
                page = await _list(new ListRequest(_scope, PageSize, next), cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
            {
                throw new ResourceExpiredException("The list continuation expired (410 Gone).", e);
            }
            items.AddRange(page.Items ?? []);
            resourceVersion = page.Metadata?.ResourceVersion ?? "";
            next = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));
        return new ListResult<T>(items, resourceVersion);
    }

    public async IAsyncEnumerable<ResourceEvent<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The client reports ERROR events (such as 410 Gone) through a callback and keeps reading; stop the
        // stream there and rethrow after it.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? error = null;
        void OnError(Exception e)
        {
            error ??= e;
            failed.Cancel();
        }

        // Spread reconnects: each watch is closed by the server after 5 to 10 minutes.
        var timeout = 300 + Random.Shared.Next(300);
        var stream = _watch(new WatchRequest(_scope, resourceVersion, timeout), OnError, failed.Token);
        var events = stream.GetAsyncEnumerator(failed.Token);
        await using (events.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await events.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (error is not null && !cancellationToken.IsCancellationRequested)
                {
                    throw Translate(error);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
                {
                    throw new ResourceExpiredException("The watch resourceVersion expired (410 Gone).", e);
                }
                if (!more) break;
                yield return new ResourceEvent<T>(events.Current.Item1, events.Current.Item2);
            }
        }
        if (error is not null) throw Translate(error);
    }

    private static Exception Translate(Exception error) => error switch
    {
        KubernetesException { Status.Code: 410 } e => new ResourceExpiredException(e.Message, e),
        _ => new IOException("The watch failed: " + error.Message, error),
    };
}
