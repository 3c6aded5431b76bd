using Airlock.Runtime.Informers;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Tests.Informers;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SharedInformerTests : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeListWatch<V1ConfigMap> _source = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task<SharedInformer<V1ConfigMap>> StartAsync(InformerOptions? options = null, RecordingHandler<V1ConfigMap>? handler = null)
    {
        var informer = new SharedInformer<V1ConfigMap>(_source, options ?? new InformerOptions { ResyncPeriod = TimeSpan.Zero });
        if (handler is not null) informer.AddEventHandler(handler);
        _ = informer.RunAsync(_stop.Token);
        await informer.WaitForSyncAsync(_stop.Token).WaitAsync(Eventually.Deadline);
        await Eventually.TrueAsync(() => _source.WatchedFrom.Count == 1, "the informer watches after listing");
        return informer;
    }

    [Test]
    public async Task The_initial_list_fills_the_cache_and_marks_the_informer_synced()
    {
        _source.SetList("10", Objects.ConfigMap("a", "5"), Objects.ConfigMap("b", "6"));

        var informer = await StartAsync();

        informer.HasSynced.Should().BeTrue();
        informer.Cache.List().Select(o => o.Metadata.Name).Should().BeEquivalentTo("a", "b");
    }

    [Test]
    public async Task The_watch_starts_at_the_list_resource_version()
    {
        _source.SetList("10", Objects.ConfigMap("a", "5"));

        await StartAsync();

        _source.WatchedFrom.Should().Equal("10");
    }

    [Test]
    public async Task Watch_events_are_applied_and_delivered_in_order()
    {
        var handler = new RecordingHandler<V1ConfigMap>();
        _source.SetList("10", Objects.ConfigMap("a", "5"));
        var informer = await StartAsync(handler: handler);

        _source.Send(WatchEventType.Added, Objects.ConfigMap("b", "11"));
        _source.Send(WatchEventType.Modified, Objects.ConfigMap("a", "12"));
        _source.Send(WatchEventType.Deleted, Objects.ConfigMap("b", "13"));
        await Eventually.TrueAsync(() => informer.LastSyncResourceVersion == "13", "all events applied");

        handler.Calls.Should().Equal("add a", "add b", "update a 5->12", "delete b");
        informer.Cache.Get("default", "a")!.Metadata.ResourceVersion.Should().Be("12");
        informer.Cache.Get("default", "b").Should().BeNull();
    }

    [Test]
    public async Task An_expired_watch_relists_and_delivers_only_the_difference()
    {
        var handler = new RecordingHandler<V1ConfigMap>();
        _source.SetList("10", Objects.ConfigMap("kept", "1"), Objects.ConfigMap("changed", "2"), Objects.ConfigMap("gone", "3"));
        var informer = await StartAsync(handler: handler);

        _source.SetList("20", Objects.ConfigMap("kept", "1"), Objects.ConfigMap("changed", "15"), Objects.ConfigMap("new", "16"));
        _source.Expire();
        await Eventually.TrueAsync(() => _source.WatchedFrom.Count == 2, "the informer watches again after relisting");

        handler.Calls.Skip(3).Should().BeEquivalentTo("update changed 2->15", "add new", "delete gone (unknown)");
        _source.ListCalls.Should().Be(2);
        _source.WatchedFrom[1].Should().Be("20");
        informer.Cache.List().Select(o => o.Metadata.Name).Should().BeEquivalentTo("kept", "changed", "new");
    }

    [Test]
    public async Task A_bookmark_advances_the_resource_version_the_next_watch_starts_from()
    {
        _source.SetList("10");
        await StartAsync();

        _source.Send(WatchEventType.Bookmark, new V1ConfigMap { Metadata = new V1ObjectMeta { ResourceVersion = "42" } });
        _source.Close();
        await Eventually.TrueAsync(() => _source.WatchedFrom.Count == 2, "the informer watches again after the stream ends");

        _source.WatchedFrom[1].Should().Be("42");
        _source.ListCalls.Should().Be(1, "a cleanly ended watch resumes without listing");
    }

    [Test]
    public async Task A_failed_watch_resumes_from_the_last_resource_version_without_listing()
    {
        _source.SetList("10");
        await StartAsync(new InformerOptions { ResyncPeriod = TimeSpan.Zero, InitialBackoff = TimeSpan.FromMilliseconds(1) });

        _source.Send(WatchEventType.Added, Objects.ConfigMap("a", "11"));
        _source.Fail();
        await Eventually.TrueAsync(() => _source.WatchedFrom.Count == 2, "the informer watches again after backing off");

        _source.WatchedFrom[1].Should().Be("11");
        _source.ListCalls.Should().Be(1);
    }

    [Test]
    public async Task Resync_redelivers_cached_objects_as_updates()
    {
        var handler = new RecordingHandler<V1ConfigMap>();
        _source.SetList("10", Objects.ConfigMap("a", "5"));

        await StartAsync(new InformerOptions { ResyncPeriod = TimeSpan.FromMilliseconds(20) }, handler);

        await Eventually.TrueAsync(() => handler.Calls.Contains("update a 5->5"), "a resync update is delivered");
    }

    [Test]
    public async Task A_handler_added_late_receives_the_cached_objects_as_adds()
    {
        _source.SetList("10", Objects.ConfigMap("a", "5"));
        var informer = await StartAsync();
        var late = new RecordingHandler<V1ConfigMap>();

        informer.AddEventHandler(late);

        late.Calls.Should().Equal("add a");
    }

    [Test]
    public async Task A_removed_handler_receives_nothing_more()
    {
        var handler = new RecordingHandler<V1ConfigMap>();
        _source.SetList("10");
        var informer = await StartAsync();
        informer.AddEventHandler(handler).Dispose();

        _source.Send(WatchEventType.Added, Objects.ConfigMap("a", "11"));
        await Eventually.TrueAsync(() => informer.LastSyncResourceVersion == "11", "the event is applied");

        handler.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task Managed_fields_are_not_cached()
    {
        var obj = Objects.ConfigMap("a", "5");
        obj.Metadata.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl" }];
        _source.SetList("10", obj);

        var informer = await StartAsync();

        informer.Cache.Get("default", "a")!.Metadata.ManagedFields.Should().BeNull();
    }
}
