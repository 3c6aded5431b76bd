using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Tests.Storage;

public class ObjectStoreWriteTests
{
    private static readonly ResourceType ConfigMaps = BuiltinResources.ConfigMaps;

    [Test]
    public void Create_sets_uid_resourceVersion_creationTimestamp_and_generation_1()
    {
        var store = new ObjectStore();
        var created = store.Create(ConfigMaps, Objects.ConfigMap("a"));
        ObjectMeta.Uid(created).Should().NotBeEmpty();
        long.Parse(ObjectMeta.ResourceVersion(created)).Should().Be(store.CurrentRevision);
        created["metadata"]!["creationTimestamp"].Should().NotBeNull();
        ObjectMeta.Generation(created).Should().Be(1);
    }

    [Test]
    public void ResourceVersions_increase_across_kinds()
    {
        var store = new ObjectStore();
        var first = long.Parse(ObjectMeta.ResourceVersion(store.Create(ConfigMaps, Objects.ConfigMap("a"))));
        var second = long.Parse(ObjectMeta.ResourceVersion(store.Create(BuiltinResources.Secrets, Objects.ConfigMap("s"))));
        second.Should().BeGreaterThan(first);
    }

    [Test]
    public void GenerateName_appends_five_random_characters()
    {
        var store = new ObjectStore();
        var cm = Objects.ConfigMap("");
        cm["metadata"]!.AsObject().Remove("name");
        cm["metadata"]!["generateName"] = "job-";
        var created = store.Create(ConfigMaps, cm);
        ObjectMeta.Name(created).Should().MatchRegex("^job-[a-z0-9]{5}$");
    }

    [Test]
    public void Invalid_name_is_rejected_as_invalid()
    {
        var store = new ObjectStore();
        var act = () => store.Create(ConfigMaps, Objects.ConfigMap("Not_Valid"));
        act.Should().Throw<ApiError>().Where(e => e.Code == 422 && e.Message.Contains("RFC 1123 subdomain"));
    }

    [Test]
    public void Creating_an_existing_name_is_AlreadyExists()
    {
        var store = new ObjectStore();
        store.Create(ConfigMaps, Objects.ConfigMap("a"));
        var act = () => store.Create(ConfigMaps, Objects.ConfigMap("a"));
        act.Should().Throw<ApiError>().Where(e => e.Code == 409 && e.Reason == "AlreadyExists" && e.Message == "configmaps \"a\" already exists");
    }

    [Test]
    public void Creating_into_a_missing_namespace_is_NotFound()
    {
        var store = new ObjectStore();
        var act = () => store.Create(ConfigMaps, Objects.ConfigMap("a", "nowhere"));
        act.Should().Throw<ApiError>().Where(e => e.Code == 404 && e.Message == "namespaces \"nowhere\" not found");
    }

    [Test]
    public void Stale_update_gets_409_conflict()
    {
        var store = new ObjectStore();
        var created = store.Create(ConfigMaps, Objects.ConfigMap("a"));
        store.Update(ConfigMaps, WithData(created, "second"));
        var act = () => store.Update(ConfigMaps, WithData(created, "stale"));
        act.Should().Throw<ApiError>().Where(e => e.Code == 409 && e.Message.Contains("the object has been modified; please apply your changes to the latest version and try again"));
    }

    [Test]
    public void Update_without_resourceVersion_is_unconditional_for_builtin_kinds()
    {
        var store = new ObjectStore();
        var created = store.Create(ConfigMaps, Objects.ConfigMap("a"));
        var update = WithData(created, "new");
        update["metadata"]!.AsObject().Remove("resourceVersion");
        store.Update(ConfigMaps, update)["data"]!["k"]!.GetValue<string>().Should().Be("new");
    }

    [Test]
    public void Update_without_resourceVersion_is_invalid_for_custom_resources()
    {
        var store = new ObjectStore();
        var created = store.Create(Objects.Widgets, Objects.Widget("w"));
        created["metadata"]!.AsObject().Remove("resourceVersion");
        var act = () => store.Update(Objects.Widgets, created);
        act.Should().Throw<ApiError>().Where(e => e.Code == 422 && e.Message.Contains("must be specified for an update"));
    }

    [Test]
    public void Spec_change_bumps_generation()
    {
        var store = new ObjectStore();
        var created = store.Create(Objects.Widgets, Objects.Widget("w", 1));
        created["spec"]!["size"] = 2;
        ObjectMeta.Generation(store.Update(Objects.Widgets, created)).Should().Be(2);
    }

    [Test]
    public void Metadata_change_keeps_generation()
    {
        var store = new ObjectStore();
        var created = store.Create(Objects.Widgets, Objects.Widget("w"));
        created["metadata"]!["labels"] = new JsonObject { ["a"] = "b" };
        ObjectMeta.Generation(store.Update(Objects.Widgets, created)).Should().Be(1);
    }

    [Test]
    public void Update_that_changes_nothing_keeps_the_resourceVersion()
    {
        var store = new ObjectStore();
        var created = store.Create(ConfigMaps, Objects.ConfigMap("a"));
        ObjectMeta.ResourceVersion(store.Update(ConfigMaps, created)).Should().Be(ObjectMeta.ResourceVersion(created));
    }

    [Test]
    public void Main_resource_write_keeps_the_stored_status()
    {
        var store = new ObjectStore();
        var created = store.Create(Objects.Widgets, Objects.Widget("w"));
        created["status"] = new JsonObject { ["ready"] = true };
        var withStatus = store.Update(Objects.Widgets, created, new WriteOptions(Subresource: "status"));
        withStatus["status"] = new JsonObject { ["ready"] = false };
        withStatus["spec"]!["size"] = 5;
        var updated = store.Update(Objects.Widgets, withStatus);
        updated["status"]!["ready"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public void Status_write_changes_only_status()
    {
        var store = new ObjectStore();
        var created = store.Create(Objects.Widgets, Objects.Widget("w", 1));
        created["spec"]!["size"] = 9;
        created["status"] = new JsonObject { ["ready"] = true };
        var updated = store.Update(Objects.Widgets, created, new WriteOptions(Subresource: "status"));
        updated["spec"]!["size"]!.GetValue<int>().Should().Be(1);
        updated["status"]!["ready"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public void Custom_resource_status_is_dropped_on_create()
    {
        var store = new ObjectStore();
        var widget = Objects.Widget("w");
        widget["status"] = new JsonObject { ["ready"] = true };
        store.Create(Objects.Widgets, widget)["status"].Should().BeNull();
    }

    [Test]
    public void Returned_objects_are_copies_the_caller_may_change()
    {
        var store = new ObjectStore();
        var created = store.Create(ConfigMaps, Objects.ConfigMap("a"));
        created["data"]!["k"] = "changed";
        store.Get(ConfigMaps, "default", "a")!["data"]!["k"]!.GetValue<string>().Should().Be("v");
    }

    private static JsonObject WithData(JsonObject obj, string value)
    {
        var copy = obj.DeepClone().AsObject();
        copy["data"] = new JsonObject { ["k"] = value };
        return copy;
    }
}
