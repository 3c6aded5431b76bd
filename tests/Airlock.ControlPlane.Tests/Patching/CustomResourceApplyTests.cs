using System.Text.Json.Nodes;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Patching.TestJson;

namespace Airlock.ControlPlane.Tests.Patching;

public class CustomResourceApplyTests
{
    private static readonly ResourceType Widgets = new()
    {
        Group = "example.dev",
        Version = "v1",
        Resource = "widgets",
        Kind = "Widget",
        Singular = "widget",
        Namespaced = true,
        IsCustom = true,
        CustomSchema = Obj("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                       "items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer"}}}},
              "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
              "args":{"type":"array","items":{"type":"string"}},
              "labels":{"type":"object","additionalProperties":{"type":"string"}}}}}}
            """),
    };

    private static JsonObject Apply(JsonObject? current, string spec, string manager) =>
        new PatchApplier(new FixedTime()).Apply(Widgets, current, PatchType.ApplyPatch,
            Bytes($$"""{"apiVersion":"example.dev/v1","kind":"Widget","metadata":{"name":"w"},"spec":{{spec}}}"""), new PatchOptions(manager));

    [Test]
    public void List_map_items_from_two_managers_merge_by_their_schema_keys()
    {
        var live = Apply(null, """{"ports":[{"name":"http","port":80}]}""", "a");

        var merged = Apply(live, """{"ports":[{"name":"grpc","port":9000}]}""", "b");

        merged["spec"]!["ports"].ShouldEqualJson("""[{"name":"http","port":80},{"name":"grpc","port":9000}]""");
        merged["metadata"]!["managedFields"]![1]!["fieldsV1"].ShouldEqualJson(
            """{"f:spec":{"f:ports":{"k:{\"name\":\"grpc\"}":{".":{},"f:name":{},"f:port":{}}}}}""");
    }

    [Test]
    public void Set_lists_from_two_managers_are_unioned()
    {
        var live = Apply(null, """{"tags":["x"]}""", "a");

        var merged = Apply(live, """{"tags":["y"]}""", "b");

        merged["spec"]!["tags"].ShouldEqualJson("""["x","y"]""");
        merged["metadata"]!["managedFields"]![1]!["fieldsV1"].ShouldEqualJson("""{"f:spec":{"f:tags":{"v:\"y\"":{}}}}""");
    }

    [Test]
    public void Lists_without_a_list_type_are_atomic_and_conflict_as_a_whole()
    {
        var live = Apply(null, """{"args":["x"]}""", "a");

        var act = () => Apply(live, """{"args":["y"]}""", "b");

        act.Should().Throw<Api.ApiError>().Which.Message.Should().Be("Apply failed with 1 conflict: conflict with \"a\" using example.dev/v1: .spec.args");
    }

    [Test]
    public void Merge_patch_works_on_custom_resources()
    {
        var live = Apply(null, """{"labels":{"a":"1"}}""", "a");

        var patched = new PatchApplier(new FixedTime()).Apply(Widgets, live, PatchType.MergePatch,
            Bytes("""{"spec":{"labels":{"b":"2"}}}"""), new PatchOptions(""));

        patched["spec"]!["labels"].ShouldEqualJson("""{"a":"1","b":"2"}""");
    }
}
