using System.Text.Json.Nodes;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Patching.TestJson;

namespace Airlock.ControlPlane.Tests.Patching;

public class TrackUpdateTests
{
    private readonly FixedTime _time = new();

    private JsonObject Track(JsonObject? previous, JsonObject updated, string manager, ResourceType? type = null, string? subresource = null) =>
        new PatchApplier(_time).TrackUpdate(type ?? BuiltinResources.ConfigMaps, previous, updated, manager, subresource);

    [Test]
    public void Create_records_an_update_entry_owning_every_field_set()
    {
        var created = Track(null, Obj("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","uid":"u","labels":{"app":"x"}},"data":{"a":"1"}}
            """), "kubectl-client-side-apply");

        created["metadata"]!["managedFields"].ShouldEqualJson("""
            [{"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"v1","time":"2025-01-02T03:04:05Z","fieldsType":"FieldsV1",
              "fieldsV1":{"f:data":{".":{},"f:a":{}},"f:metadata":{"f:labels":{".":{},"f:app":{}}}}}]
            """);
    }

    [Test]
    public void An_update_takes_changed_fields_from_their_previous_owner()
    {
        var created = Track(null, Obj("""{"metadata":{"name":"c"},"data":{"a":"1","b":"2"}}"""), "creator");
        var edited = (JsonObject)created.DeepClone();
        edited["data"]!["a"] = "changed";

        var updated = Track(created, edited, "kubectl-edit");

        var entries = updated["metadata"]!["managedFields"]!.AsArray();
        entries[0]!["fieldsV1"].ShouldEqualJson("""{"f:data":{".":{},"f:b":{}}}""");
        entries[1]!["manager"]!.GetValue<string>().Should().Be("kubectl-edit");
        entries[1]!["fieldsV1"].ShouldEqualJson("""{"f:data":{"f:a":{}}}""");
    }

    [Test]
    public void Removed_fields_leave_every_managers_set()
    {
        var created = Track(null, Obj("""{"metadata":{"name":"c"},"data":{"a":"1","b":"2"}}"""), "creator");
        var edited = (JsonObject)created.DeepClone();
        edited["data"]!.AsObject().Remove("b");

        var updated = Track(created, edited, "kubectl-edit");

        updated["metadata"]!["managedFields"].ShouldEqualJson("""
            [{"manager":"creator","operation":"Update","apiVersion":"v1","time":"2025-01-02T03:04:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{},"f:a":{}}}}]
            """);
    }

    [Test]
    public void An_update_that_changes_nothing_adds_no_entry()
    {
        var created = Track(null, Obj("""{"metadata":{"name":"c"},"data":{"a":"1"}}"""), "creator");

        var updated = Track(created, (JsonObject)created.DeepClone(), "someone-else");

        updated["metadata"]!["managedFields"]!.AsArray().Should().ContainSingle();
    }

    [Test]
    public void Main_resource_updates_do_not_own_status_of_kinds_with_a_status_subresource()
    {
        var created = Track(null, Obj("""{"metadata":{"name":"p"},"spec":{"nodeName":"n"},"status":{"phase":"Pending"}}"""), "creator", BuiltinResources.Pods);

        created["metadata"]!["managedFields"]![0]!["fieldsV1"].ShouldEqualJson("""{"f:spec":{"f:nodeName":{}}}""");
    }

    [Test]
    public void Status_updates_are_recorded_with_their_subresource()
    {
        var created = Track(null, Obj("""{"metadata":{"name":"p"},"spec":{"nodeName":"n"}}"""), "creator", BuiltinResources.Pods);
        var withStatus = (JsonObject)created.DeepClone();
        withStatus["status"] = new JsonObject { ["phase"] = "Running" };

        var updated = Track(created, withStatus, "kubelet", BuiltinResources.Pods, "status");

        updated["metadata"]!["managedFields"]![1].ShouldEqualJson("""
            {"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2025-01-02T03:04:05Z","fieldsType":"FieldsV1",
             "fieldsV1":{"f:status":{"f:phase":{}}},"subresource":"status"}
            """);
    }

    [Test]
    public void Non_apply_patches_are_tracked_for_their_field_manager()
    {
        var created = Track(null, Obj("""{"metadata":{"name":"c"},"data":{"a":"1"}}"""), "creator");

        var patched = new PatchApplier(_time).Apply(BuiltinResources.ConfigMaps, created, PatchType.MergePatch,
            Bytes("""{"data":{"a":"2"}}"""), new PatchOptions("kubectl-patch"));

        var entries = patched["metadata"]!["managedFields"]!.AsArray();
        entries.Select(e => e!["manager"]!.GetValue<string>()).Should().Equal("creator", "kubectl-patch");
        entries[1]!["fieldsV1"].ShouldEqualJson("""{"f:data":{"f:a":{}}}""");
    }
}
