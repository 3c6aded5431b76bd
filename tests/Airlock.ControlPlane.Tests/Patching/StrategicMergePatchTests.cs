using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Patching.TestJson;

namespace Airlock.ControlPlane.Tests.Patching;

public class StrategicMergePatchTests
{
    private static JsonObject Patch(ResourceType type, JsonObject current, string patch) =>
        new PatchApplier().Apply(type, current, PatchType.StrategicMergePatch, Bytes(patch), new PatchOptions(""));

    private static JsonObject Pod(string spec) => Obj($$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{{spec}}}""");

    [Test]
    public void Kubectl_second_apply_of_a_configmap_updates_adds_and_removes_keys()
    {
        var live = Obj(Captured("configmap-live.json"));

        var result = Patch(BuiltinResources.ConfigMaps, live, Captured("configmap-apply-patch.json"));

        result["data"].ShouldEqualJson("""{"a":"1","b":"3","c":"new"}""");
        result["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!.GetValue<string>()
            .Should().Contain("\"c\":\"new\"");
        result["metadata"]!["uid"]!.GetValue<string>().Should().Be("u1");
    }

    [Test]
    public void Kubectl_second_apply_of_a_pod_merges_containers_env_and_ports_by_key_in_the_new_order()
    {
        var live = Obj(Captured("pod-live.json"));

        var result = Patch(BuiltinResources.Pods, live, Captured("pod-apply-patch.json"));

        result["metadata"]!["labels"].ShouldEqualJson("""{"app":"web","tier":"front"}""");
        result["spec"].ShouldEqualJson("""
            {"containers":[
              {"name":"side","image":"busybox","command":["sleep","3600"]},
              {"name":"app","image":"nginx:2","env":[{"name":"B","value":"2"},{"name":"C","value":"3"}],
               "ports":[{"containerPort":80},{"containerPort":443}]}]}
            """);
    }

    [Test]
    public void Containers_the_patch_does_not_name_are_kept()
    {
        var live = Pod("""{"containers":[{"name":"app","image":"a:1"},{"name":"injected","image":"proxy"}]}""");

        var result = Patch(BuiltinResources.Pods, live, """{"spec":{"containers":[{"name":"app","image":"a:2"}]}}""");

        result["spec"]!["containers"].ShouldEqualJson("""[{"name":"app","image":"a:2"},{"name":"injected","image":"proxy"}]""");
    }

    [Test]
    public void Server_only_items_keep_their_place_when_the_patch_sets_the_element_order()
    {
        var live = Pod("""{"containers":[{"name":"a"},{"name":"injected"},{"name":"b"}]}""");

        var result = Patch(BuiltinResources.Pods, live,
            """{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"},{"name":"c"}],"containers":[{"name":"b","image":"x"},{"name":"c"}]}}""");

        result["spec"]!["containers"].ShouldEqualJson("""[{"name":"a"},{"name":"injected"},{"name":"b","image":"x"},{"name":"c"}]""");
    }

    [TestCase("""{"spec":{"containers":[{"name":"a","args":["x"]}]}}""", """{"spec":{"containers":[{"name":"a","args":["y","z"]}]}}""", """[{"name":"a","args":["y","z"]}]""")]
    [TestCase("""{"spec":{"containers":[{"name":"a","volumeMounts":[{"mountPath":"/x","name":"v"}]}]}}""", """{"spec":{"containers":[{"name":"a","volumeMounts":[{"mountPath":"/y","name":"w"}]}]}}""", """[{"name":"a","volumeMounts":[{"mountPath":"/x","name":"v"},{"mountPath":"/y","name":"w"}]}]""")]
    [TestCase("""{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"protocol":"TCP"}]}]}}""", """{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"name":"http"}]}]}}""", """[{"name":"a","ports":[{"containerPort":80,"protocol":"TCP","name":"http"}]}]""")]
    [TestCase("""{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""", """{"spec":{"containers":[{"name":"a","$patch":"delete"}]}}""", """[{"name":"b"}]""")]
    [TestCase("""{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""", """{"spec":{"containers":[{"$patch":"replace"},{"name":"c"}]}}""", """[{"name":"c"}]""")]
    public void Pod_containers_merge_by_their_patch_merge_keys(string current, string patch, string expectedContainers)
    {
        var live = Obj(current);

        var result = Patch(BuiltinResources.Pods, live, patch);

        result["spec"]!["containers"].ShouldEqualJson(expectedContainers);
    }

    [TestCase("""{"spec":{"tolerations":[{"key":"a"}]}}""", """{"spec":{"tolerations":[{"key":"b"}]}}""", """{"tolerations":[{"key":"b"}]}""")]
    [TestCase("""{"spec":{"volumes":[{"name":"a","emptyDir":{}}]}}""", """{"spec":{"volumes":[{"name":"b","secret":{"secretName":"s"}}]}}""", """{"volumes":[{"name":"a","emptyDir":{}},{"name":"b","secret":{"secretName":"s"}}]}""")]
    [TestCase("""{"spec":{"volumes":[{"name":"a","emptyDir":{}}]}}""", """{"spec":{"volumes":[{"name":"a","$retainKeys":["name","configMap"],"configMap":{"name":"c"}}]}}""", """{"volumes":[{"name":"a","configMap":{"name":"c"}}]}""")]
    [TestCase("""{"spec":{"imagePullSecrets":[{"name":"a"}]}}""", """{"spec":{"imagePullSecrets":[{"name":"b"}]}}""", """{"imagePullSecrets":[{"name":"a"},{"name":"b"}]}""")]
    [TestCase("""{"spec":{"nodeSelector":{"a":"1"},"x":1}}""", """{"spec":{"nodeSelector":{"$patch":"replace","b":"2"}}}""", """{"nodeSelector":{"b":"2"},"x":1}""")]
    [TestCase("""{"spec":{"nodeSelector":{"a":"1"},"x":1}}""", """{"spec":{"nodeSelector":{"$patch":"delete"}}}""", """{"x":1}""")]
    public void Pod_spec_lists_and_maps_follow_their_patch_strategy(string current, string patch, string expectedSpec)
    {
        var result = Patch(BuiltinResources.Pods, Obj(current), patch);

        result["spec"].ShouldEqualJson(expectedSpec);
    }

    [TestCase("""{"metadata":{"finalizers":["a"]}}""", """{"metadata":{"finalizers":["b","a"]}}""", """{"finalizers":["a","b"]}""")]
    [TestCase("""{"metadata":{"finalizers":["a","b"]}}""", """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""", """{"finalizers":["b"]}""")]
    [TestCase("""{"metadata":{"finalizers":["a","b"]}}""", """{"metadata":{"$setElementOrder/finalizers":["b","a"]}}""", """{"finalizers":["b","a"]}""")]
    [TestCase("""{"metadata":{"ownerReferences":[{"uid":"1","name":"x"}]}}""", """{"metadata":{"ownerReferences":[{"uid":"2","name":"y"}]}}""", """{"ownerReferences":[{"uid":"1","name":"x"},{"uid":"2","name":"y"}]}""")]
    [TestCase("""{"metadata":{"labels":{"a":"1","b":"2"}}}""", """{"metadata":{"labels":{"a":null}}}""", """{"labels":{"b":"2"}}""")]
    public void Metadata_lists_merge_as_the_api_types_declare(string current, string patch, string expectedMetadata)
    {
        var result = Patch(BuiltinResources.ConfigMaps, Obj(current), patch);

        result["metadata"].ShouldEqualJson(expectedMetadata);
    }

    [Test]
    public void Rbac_rules_are_replaced_whole()
    {
        var live = Obj("""{"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]}""");

        var result = Patch(BuiltinResources.Roles, live, """{"rules":[{"apiGroups":[""],"resources":["secrets"],"verbs":["list"]}]}""");

        result["rules"].ShouldEqualJson("""[{"apiGroups":[""],"resources":["secrets"],"verbs":["list"]}]""");
    }

    [Test]
    public void Pod_status_conditions_merge_by_type()
    {
        var live = Obj("""{"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"PodScheduled","status":"True"}]}}""");

        var result = Patch(BuiltinResources.Pods, live, """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""");

        result["status"]!["conditions"].ShouldEqualJson("""[{"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}]""");
    }

    [Test]
    public void Patch_keys_outside_retain_keys_are_invalid()
    {
        var act = () => Patch(BuiltinResources.Pods, Obj("{}"), """{"spec":{"volumes":[{"name":"a","$retainKeys":["name"],"emptyDir":{}}]}}""");

        act.Should().Throw<ApiError>().Which.Code.Should().Be(422);
    }

    [TestCase("""{"metadata":{"$deleteFromPrimitiveList/finalizers":"a"}}""")]
    [TestCase("""{"metadata":{"$setElementOrder/finalizers":"a","finalizers":["a"]}}""")]
    [TestCase("""{"spec":{"containers":[{"image":"no-name"}]}}""")]
    [TestCase("""not json""")]
    public void Malformed_strategic_patches_are_bad_requests(string patch)
    {
        var act = () => Patch(BuiltinResources.Pods, Obj("""{"metadata":{"finalizers":["a"]}}"""), patch);

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }

    [Test]
    public void Custom_resources_refuse_strategic_merge_patch_with_415()
    {
        var crd = new ResourceType { Group = "agents.airlock.dev", Version = "v1alpha1", Resource = "agenttasks", Kind = "AgentTask", Singular = "agenttask", Namespaced = true, IsCustom = true };

        var act = () => Patch(crd, Obj("{}"), """{"spec":{}}""");

        var error = act.Should().Throw<ApiError>().Which;
        error.Code.Should().Be(415);
        error.Reason.Should().Be("UnsupportedMediaType");
    }
}
