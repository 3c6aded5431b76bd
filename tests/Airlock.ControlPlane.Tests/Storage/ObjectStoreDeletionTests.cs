using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;
using Airlock.ControlPlane.Storage.Controllers;

namespace Airlock.ControlPlane.Tests.Storage;

public class ObjectStoreDeletionTests
{
    private static readonly ResourceType ConfigMaps = BuiltinResources.ConfigMaps;

    private static JsonObject WithFinalizer(JsonObject obj, string finalizer = "example.com/hold")
    {
        obj["metadata"]!["finalizers"] = new JsonArray(finalizer);
        return obj;
    }

    [Test]
    public void Delete_without_finalizers_removes_the_object()
    {
        var store = new ObjectStore();
        store.Create(ConfigMaps, Objects.ConfigMap("a"));
        store.Delete(ConfigMaps, "default", "a").Removed.Should().BeTrue();
        store.Get(ConfigMaps, "default", "a").Should().BeNull();
    }

    [Test]
    public void Delete_with_a_finalizer_sets_deletionTimestamp_and_keeps_the_object()
    {
        var store = new ObjectStore();
        store.Create(ConfigMaps, WithFinalizer(Objects.ConfigMap("a")));
        var result = store.Delete(ConfigMaps, "default", "a");
        result.Removed.Should().BeFalse();
        var kept = store.Get(ConfigMaps, "default", "a")!;
        kept["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        kept["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<long>().Should().Be(0);
    }

    [Test]
    public void Removing_the_last_finalizer_of_a_deleting_object_removes_it()
    {
        var store = new ObjectStore();
        store.Create(ConfigMaps, WithFinalizer(Objects.ConfigMap("a")));
        var deleting = store.Delete(ConfigMaps, "default", "a").Object;
        deleting["metadata"]!.AsObject().Remove("finalizers");
        store.Update(ConfigMaps, deleting);
        store.Get(ConfigMaps, "default", "a").Should().BeNull();
    }

    [Test]
    public void A_deleting_object_accepts_no_new_finalizers()
    {
        var store = new ObjectStore();
        store.Create(ConfigMaps, WithFinalizer(Objects.ConfigMap("a")));
        var deleting = store.Delete(ConfigMaps, "default", "a").Object;
        deleting["metadata"]!["finalizers"]!.AsArray().Add("example.com/another");
        var act = () => store.Update(ConfigMaps, deleting);
        act.Should().Throw<ApiError>().Where(e => e.Code == 422 && e.Message.Contains("no new finalizers can be added if the object is being deleted"));
    }

    [Test]
    public void Custom_resource_generation_bumps_when_deletion_starts()
    {
        var store = new ObjectStore();
        store.Create(Objects.Widgets, WithFinalizer(Objects.Widget("w")));
        ObjectMeta.Generation(store.Delete(Objects.Widgets, "default", "w").Object).Should().Be(2);
    }

    [Test]
    public void Delete_with_a_wrong_uid_precondition_is_a_conflict()
    {
        var store = new ObjectStore();
        store.Create(ConfigMaps, Objects.ConfigMap("a"));
        var act = () => store.Delete(ConfigMaps, "default", "a", new DeleteOptions { PreconditionUid = "other" });
        act.Should().Throw<ApiError>().Where(e => e.Code == 409 && e.Message.Contains("Precondition failed: UID in precondition: other"));
    }

    [Test]
    public void Delete_with_a_stale_resourceVersion_precondition_is_a_conflict()
    {
        var store = new ObjectStore();
        var created = store.Create(ConfigMaps, Objects.ConfigMap("a"));
        created["data"] = new JsonObject { ["k"] = "2" };
        store.Update(ConfigMaps, created);
        var act = () => store.Delete(ConfigMaps, "default", "a", new DeleteOptions { PreconditionResourceVersion = ObjectMeta.ResourceVersion(created) });
        act.Should().Throw<ApiError>().Where(e => e.Code == 409);
    }

    [Test]
    public void Orphan_delete_strips_the_owner_reference_from_dependents()
    {
        var store = new ObjectStore();
        var owner = store.Create(ConfigMaps, Objects.ConfigMap("owner"));
        store.Create(ConfigMaps, Objects.OwnedBy(Objects.ConfigMap("child"), owner));
        store.Delete(ConfigMaps, "default", "owner", new DeleteOptions { Propagation = PropagationPolicy.Orphan });
        new GarbageCollector(store).Run();
        var child = store.Get(ConfigMaps, "default", "child");
        child.Should().NotBeNull();
        child!["metadata"]!["ownerReferences"].Should().BeNull();
    }

    [Test]
    public void Garbage_collector_deletes_dependents_of_a_deleted_owner()
    {
        var store = new ObjectStore();
        var owner = store.Create(ConfigMaps, Objects.ConfigMap("owner"));
        store.Create(BuiltinResources.Secrets, Objects.OwnedBy(Objects.ConfigMap("child"), owner));
        store.Delete(ConfigMaps, "default", "owner");
        new GarbageCollector(store).Run();
        store.Get(BuiltinResources.Secrets, "default", "child").Should().BeNull();
    }

    [Test]
    public void Garbage_collector_deletes_a_dependent_created_for_a_missing_owner()
    {
        var store = new ObjectStore();
        var ghost = Objects.ConfigMap("ghost");
        ghost["metadata"]!["uid"] = Guid.NewGuid().ToString();
        store.Create(ConfigMaps, Objects.OwnedBy(Objects.ConfigMap("orphan"), ghost));
        new GarbageCollector(store).Run();
        store.Get(ConfigMaps, "default", "orphan").Should().BeNull();
    }

    [Test]
    public void Garbage_collector_keeps_dependents_of_a_live_owner()
    {
        var store = new ObjectStore();
        var owner = store.Create(ConfigMaps, Objects.ConfigMap("owner"));
        store.Create(ConfigMaps, Objects.OwnedBy(Objects.ConfigMap("child"), owner));
        new GarbageCollector(store).Run();
        store.Get(ConfigMaps, "default", "child").Should().NotBeNull();
    }

    [Test]
    public void Foreground_delete_keeps_the_owner_until_its_dependents_are_gone()
    {
        var store = new ObjectStore();
        var owner = store.Create(ConfigMaps, Objects.ConfigMap("owner"));
        store.Create(ConfigMaps, Objects.OwnedBy(WithFinalizer(Objects.ConfigMap("child")), owner));
        store.Delete(ConfigMaps, "default", "owner", new DeleteOptions { Propagation = PropagationPolicy.Foreground });
        var gc = new GarbageCollector(store);
        gc.Run();
        ObjectMeta.Finalizers(store.Get(ConfigMaps, "default", "owner")!).Should().Contain(ObjectStore.ForegroundDeletionFinalizer);
        var child = store.Get(ConfigMaps, "default", "child")!;
        child["metadata"]!.AsObject().Remove("finalizers");
        store.Update(ConfigMaps, child);
        gc.Run();
        store.Get(ConfigMaps, "default", "owner").Should().BeNull();
    }
}
