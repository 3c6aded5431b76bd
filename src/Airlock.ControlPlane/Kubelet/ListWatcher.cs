using System.Diagnostics;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>
/// List, then watch from the list's resourceVersion; re-watch when a watch ends, re-list on 410 Gone or an error
/// event, and back off (capped exponential) on failures. A minimal informer for the simulated kubelet.
/// </summary>
public sealed partial class ListWatcher<T>(
    string what,
    Func<CancellationToken, Task<(IList<T> Items, string? ResourceVersion)>> list,
    Func<string?, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch,
    Action<IReadOnlyList<T>> onSync,
    Action<WatchEventType, T> onEvent,
    ILogger logger)
    where T : IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the first successful list has been handed to the sync callback.</summary>
    public Task Synced => _synced.Task;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = InitialBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var (items, resourceVersion) = await list(cancellationToken).ConfigureAwait(false);
                onSync(items.ToList());
                _synced.TrySetResult();
                backoff = InitialBackoff;
                resourceVersion = await WatchUntilExpiredAsync(resourceVersion, cancellationToken).ConfigureAwait(false);
                LogRelist(logger, what, resourceVersion);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Gone)
            {
                LogRelist(logger, what, null);
            }
            catch (Exception e)
            {
                LogFailure(logger, what, backoff, e);
                try
                {
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }
        }
    }

    /// <summary>Watches (again and again) from <paramref name="resourceVersion"/> until the server says it is too old.</summary>
    private async Task<string?> WatchUntilExpiredAsync(string? resourceVersion, CancellationToken cancellationToken)
    {
        var quickEnds = 0;
        while (true)
        {
            var expired = false;
            var received = 0;
            var clock = Stopwatch.StartNew();
            void OnError(Exception e)
            {
                // An ERROR event (410 Expired, or any other Status) means the stream cannot be trusted: list again.
                expired = true;
                LogWatchError(logger, what, e.Message);
            }
            await foreach (var (type, item) in watch(resourceVersion, OnError, cancellationToken).ConfigureAwait(false))
            {
                received++;
                if (item?.Metadata?.ResourceVersion is { Length: > 0 } rv) resourceVersion = rv;
                if (type is WatchEventType.Bookmark or WatchEventType.Error || item is null) continue;
                onEvent(type, item);
            }
            if (expired) return resourceVersion;
            // A server that keeps closing watches at once must not make us spin.
            quickEnds = received == 0 && clock.Elapsed < TimeSpan.FromSeconds(1) ? quickEnds + 1 : 0;
            if (quickEnds > 0) await Task.Delay(InitialBackoff * Math.Min(quickEnds, 50), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "kubelet: re-listing {What} (last resourceVersion {ResourceVersion})")]
    private static partial void LogRelist(ILogger logger, string what, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "kubelet: list/watch of {What} failed; retrying in {Backoff}")]
    private static partial void LogFailure(ILogger logger, string what, TimeSpan backoff, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "kubelet: watch of {What} reported an error: {Error}")]
    private static partial void LogWatchError(ILogger logger, string what, string error);
}
