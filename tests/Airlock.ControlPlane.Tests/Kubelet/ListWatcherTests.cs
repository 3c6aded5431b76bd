using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Airlock.ControlPlane.Kubelet;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.ControlPlane.Tests.Kubelet;

public class ListWatcherTests
{
    private static V1Pod Pod(string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = name, ResourceVersion = resourceVersion } };

    /// <summary>A scripted API: each list returns the next snapshot, each watch plays the next script.</summary>
    private sealed class ScriptedApi
    {
        public ConcurrentQueue<string?> WatchedFrom { get; } = new();

        public int Lists;

        public Func<int, Task<(IList<V1Pod>, string?)>> OnList { get; set; } = n => Task.FromResult<(IList<V1Pod>, string?)>(([], $"{n * 100}"));

        public Func<int, Action<Exception>, IEnumerable<(WatchEventType, V1Pod)>> OnWatch { get; set; } = (_, _) => [];

        public int Watches;

        public Task<(IList<V1Pod> Items, string? ResourceVersion)> ListAsync(CancellationToken ct) => OnList(Interlocked.Increment(ref Lists));

        public async IAsyncEnumerable<(WatchEventType, V1Pod)> WatchAsync(string? rv, Action<Exception> onError, [EnumeratorCancellation] CancellationToken ct)
        {
            WatchedFrom.Enqueue(rv);
            var n = Interlocked.Increment(ref Watches);
            foreach (var e in OnWatch(n, onError)) yield return e;
            await Task.Delay(n > 3 ? Timeout.Infinite : 0, ct);
        }
    }

    /// <summary>Runs a watcher over <paramref name="api"/> until <paramref name="reached"/> completes, then stops it; what it handed on.</summary>
    private static async Task<ConcurrentQueue<string>> RunUntilAsync(ScriptedApi api, Func<ListWatcher<V1Pod>, Task> reached)
    {
        var seen = new ConcurrentQueue<string>();
        var watcher = new ListWatcher<V1Pod>("pods", api.ListAsync, api.WatchAsync,
            items => seen.Enqueue("sync:" + items.Count),
            (type, pod) => seen.Enqueue($"{type}:{pod.Metadata.Name}"),
            NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(stop.Token);

        await reached(watcher);
        await stop.CancelAsync();
        await run;
        return seen;
    }

    [Test]
    public async Task A_watch_that_ends_is_resumed_from_the_last_resource_version()
    {
        var api = new ScriptedApi { OnWatch = (n, _) => n == 1 ? [(WatchEventType.Added, Pod("a", "105"))] : [] };

        var seen = await RunUntilAsync(api, _ => Eventually.Until(() => api.Watches >= 2));

        api.WatchedFrom.Take(2).Should().Equal("100", "105");
        api.Lists.Should().Be(1);
        seen.Should().StartWith(["sync:0", "Added:a"]);
    }

    [Test]
    public async Task An_expired_watch_is_followed_by_a_fresh_list()
    {
        var api = new ScriptedApi
        {
            OnWatch = (n, onError) =>
            {
                if (n == 1) onError(new KubernetesException(new V1Status { Code = 410, Reason = "Expired" }));
                return [];
            },
        };

        await RunUntilAsync(api, _ => Eventually.Until(() => api.Lists >= 2));

        api.WatchedFrom.Take(2).Should().Equal("100", "200");
    }

    [Test]
    public async Task A_failed_list_is_retried()
    {
        var api = new ScriptedApi();
        api.OnList = n => n == 1
            ? Task.FromException<(IList<V1Pod>, string?)>(new HttpRequestException("connection refused"))
            : Task.FromResult<(IList<V1Pod>, string?)>(([Pod("a", "1")], "7"));

        var seen = await RunUntilAsync(api, watcher => watcher.Synced.WaitAsync(TimeSpan.FromSeconds(15)));

        seen.Should().StartWith(["sync:1"]);
        api.Lists.Should().BeGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task Bookmarks_move_the_resource_version_without_an_event()
    {
        var api = new ScriptedApi { OnWatch = (n, _) => n == 1 ? [(WatchEventType.Bookmark, Pod("", "150"))] : [] };

        var seen = await RunUntilAsync(api, _ => Eventually.Until(() => api.Watches >= 2));

        api.WatchedFrom.Take(2).Should().Equal("100", "150");
        seen.Should().Equal("sync:0");
    }
}
