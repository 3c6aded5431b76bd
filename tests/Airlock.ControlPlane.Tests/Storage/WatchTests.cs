using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;
using Airlock.ControlPlane.Storage.Selection;
using Airlock.ControlPlane.Storage.Watching;

namespace Airlock.ControlPlane.Tests.Storage;

public class WatchTests
{
    private static readonly ResourceType ConfigMaps = BuiltinResources.ConfigMaps;

    private static List<WatchEvent> Drain(WatchSubscription watch)
    {
        var events = new List<WatchEvent>();
        while (watch.Events.TryRead(out var e)) events.Add(e);
        return events;
    }

    [Test]
    public void Watch_without_a_revision_starts_with_the_current_objects()
    {
        var store = new ObjectStore();
        store.Create(ConfigMaps, Objects.ConfigMap("a"));
        using var watch = store.Watch(ConfigMaps, "default", null);
        Drain(watch).Select(e => (e.Type, ObjectMeta.Name(e.Object))).Should().Equal((WatchEventType.Added, "a"));
    }

    [Test]
    public void Watch_from_a_revision_replays_every_later_change()
    {
        var store = new ObjectStore();
        var created = store.Create(ConfigMaps, Objects.ConfigMap("a"));
        var from = long.Parse(ObjectMeta.ResourceVersion(created));
        created["data"] = new JsonObject { ["k"] = "2" };
        store.Update(ConfigMaps, created);
        store.Delete(ConfigMaps, "default", "a");
        using var watch = store.Watch(ConfigMaps, "default", from);
        Drain(watch).Select(e => e.Type).Should().Equal(WatchEventType.Modified, WatchEventType.Deleted);
    }

    [Test]
    public void Watch_sees_changes_made_after_it_started()
    {
        var store = new ObjectStore();
        using var watch = store.Watch(ConfigMaps, "default", store.CurrentRevision);
        store.Create(ConfigMaps, Objects.ConfigMap("a"));
        store.Create(ConfigMaps, Objects.ConfigMap("b", "kube-system"));
        Drain(watch).Select(e => ObjectMeta.Name(e.Object)).Should().Equal("a");
    }

    [Test]
    public void Watch_from_a_revision_older_than_the_history_is_gone()
    {
        var store = new ObjectStore(new StoreOptions { WatchHistorySize = 3 });
        var first = store.CurrentRevision;
        foreach (var i in Enumerable.Range(0, 5)) store.Create(ConfigMaps, Objects.ConfigMap($"cm-{i}"));
        var act = () => store.Watch(ConfigMaps, "default", first);
        act.Should().Throw<ApiError>().Where(e => e.Code == 410 && e.Message.StartsWith($"too old resource version: {first} ("));
    }

    [Test]
    public void An_object_leaving_the_selector_is_delivered_as_deleted()
    {
        var store = new ObjectStore();
        var created = store.Create(ConfigMaps, Objects.ConfigMap("a", labels: new JsonObject { ["app"] = "web" }));
        var selector = LabelSelector.Parse("app=web");
        using var watch = store.Watch(ConfigMaps, "default", store.CurrentRevision, o => selector.Matches(ObjectMeta.Labels(o)));
        created["metadata"]!["labels"] = new JsonObject { ["app"] = "db" };
        store.Update(ConfigMaps, created);
        Drain(watch).Select(e => e.Type).Should().Equal(WatchEventType.Deleted);
    }
}
