using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Tests.Storage;

/// <summary>The indexes the background controllers work from (instead of scanning every stored object).</summary>
public class ObjectStoreIndexTests
{
    private static readonly ResourceType ConfigMaps = BuiltinResources.ConfigMaps;

    private static IEnumerable<string> Names(IEnumerable<StoredObject> objects) => objects.Select(o => ObjectMeta.Name(o.Object));

    private static JsonObject OwnedByBoth(JsonObject obj, JsonObject first, JsonObject second)
    {
        var secondReference = Objects.OwnedBy(Objects.ConfigMap("scratch"), second)["metadata"]!["ownerReferences"]![0]!.DeepClone();
        Objects.OwnedBy(obj, first)["metadata"]!["ownerReferences"]!.AsArray().Add(secondReference);
        return obj;
    }

    [Test]
    public void DependentsOf_lists_every_object_naming_the_owner()
    {
        var store = new ObjectStore();
        var owner = store.Create(ConfigMaps, Objects.ConfigMap("owner"));
        store.Create(ConfigMaps, Objects.OwnedBy(Objects.ConfigMap("a"), owner));
        store.Create(BuiltinResources.Secrets, Objects.OwnedBy(Objects.ConfigMap("b"), owner));
        store.Create(ConfigMaps, Objects.ConfigMap("unrelated"));
        Names(store.DependentsOf(ObjectMeta.Uid(owner))).Should().BeEquivalentTo("a", "b");
    }

    [Test]
    public void A_dependent_is_dangling_once_its_only_owner_is_deleted()
    {
        var store = new ObjectStore();
        var owner = store.Create(ConfigMaps, Objects.ConfigMap("owner"));
        store.Create(ConfigMaps, Objects.OwnedBy(Objects.ConfigMap("child"), owner));
        store.Dangling().Should().BeEmpty();
        store.Delete(ConfigMaps, "default", "owner");
        Names(store.Dangling()).Should().Equal("child");
    }

    [Test]
    public void A_dependent_with_one_live_owner_left_is_not_dangling()
    {
        var store = new ObjectStore();
        var first = store.Create(ConfigMaps, Objects.ConfigMap("first"));
        var second = store.Create(ConfigMaps, Objects.ConfigMap("second"));
        store.Create(ConfigMaps, OwnedByBoth(Objects.ConfigMap("child"), first, second));
        store.Delete(ConfigMaps, "default", "first");
        store.Dangling().Should().BeEmpty();
    }

    [Test]
    public void A_dependent_that_drops_its_dead_owner_reference_is_no_longer_dangling()
    {
        var store = new ObjectStore();
        var owner = store.Create(ConfigMaps, Objects.ConfigMap("owner"));
        store.Create(ConfigMaps, Objects.OwnedBy(Objects.ConfigMap("child"), owner));
        store.Delete(ConfigMaps, "default", "owner");
        var child = store.Get(ConfigMaps, "default", "child")!;
        child["metadata"]!.AsObject().Remove("ownerReferences");
        store.Update(ConfigMaps, child);
        store.Dangling().Should().BeEmpty();
    }

    [Test]
    public void Deleting_lists_an_object_held_by_a_finalizer_until_it_goes()
    {
        var store = new ObjectStore();
        var held = Objects.ConfigMap("held");
        held["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        store.Create(ConfigMaps, held);
        store.Deleting().Should().BeEmpty();
        var deleting = store.Delete(ConfigMaps, "default", "held").Object;
        Names(store.Deleting()).Should().Equal("held");
        deleting["metadata"]!.AsObject().Remove("finalizers");
        store.Update(ConfigMaps, deleting);
        store.Deleting().Should().BeEmpty();
    }

    [Test]
    public void InNamespace_lists_the_content_of_one_namespace_only()
    {
        var store = new ObjectStore();
        store.Create(BuiltinResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "team" } });
        store.Create(ConfigMaps, Objects.ConfigMap("mine", "team"));
        store.Create(ConfigMaps, Objects.ConfigMap("other", "default"));
        Names(store.InNamespace("team")).Should().BeEquivalentTo("mine", "default");
    }

    [Test]
    public void The_revision_of_a_type_moves_only_with_changes_to_that_type()
    {
        var store = new ObjectStore();
        store.Create(ConfigMaps, Objects.ConfigMap("a"));
        var before = store.RevisionOf(ConfigMaps);

        store.Create(BuiltinResources.Secrets, Objects.ConfigMap("s"));
        store.RevisionOf(ConfigMaps).Should().Be(before);

        store.Create(ConfigMaps, Objects.ConfigMap("b"));
        store.RevisionOf(ConfigMaps).Should().Be(store.CurrentRevision);
    }

    [Test]
    public void A_snapshot_read_sees_a_write_as_soon_as_it_returns()
    {
        var store = new ObjectStore();
        var created = store.Create(ConfigMaps, Objects.ConfigMap("a"));
        created["data"] = new JsonObject { ["k"] = "v" };
        var updated = store.Update(ConfigMaps, created);

        ObjectMeta.ResourceVersion(store.GetSnapshot(ConfigMaps, "default", "a")!.Object).Should().Be(ObjectMeta.ResourceVersion(updated));
        store.Delete(ConfigMaps, "default", "a");
        store.GetSnapshot(ConfigMaps, "default", "a").Should().BeNull();
    }
}
