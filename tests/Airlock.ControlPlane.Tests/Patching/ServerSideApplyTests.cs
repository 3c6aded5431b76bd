using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Patching.TestJson;

namespace Airlock.ControlPlane.Tests.Patching;

public class ServerSideApplyTests
{
    private readonly FixedTime _time = new();

    private PatchApplier Applier => new(_time);

    private JsonObject Apply(ResourceType type, JsonObject? current, string config, string manager = "kubectl", bool force = false, string? subresource = null) =>
        Applier.Apply(type, current, PatchType.ApplyPatch, Bytes(config), new PatchOptions(manager, force, subresource));

    private static string ConfigMap(string data) =>
        $$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo","namespace":"default"},"data":{{data}}}""";

    private static JsonNode? Managed(JsonObject obj) => obj["metadata"]!["managedFields"];

    [Test]
    public void Apply_to_a_missing_object_creates_it_from_the_configuration()
    {
        var created = Apply(BuiltinResources.ConfigMaps, null, ConfigMap("""{"a":"1"}"""));

        created.Remove("metadata", out var metadata);
        created.ShouldEqualJson("""{"apiVersion":"v1","kind":"ConfigMap","data":{"a":"1"}}""");
        metadata!["name"]!.GetValue<string>().Should().Be("demo");
        metadata["namespace"]!.GetValue<string>().Should().Be("default");
    }

    [Test]
    public void Apply_records_managed_fields_in_the_api_server_format()
    {
        var created = Apply(BuiltinResources.ConfigMaps, null, ConfigMap("""{"a":"1","b":"2"}"""));

        Managed(created).ShouldEqualJson("""
            [{"manager":"kubectl","operation":"Apply","apiVersion":"v1","time":"2025-01-02T03:04:05Z",
              "fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:a":{},"f:b":{}}}}]
            """);
    }

    [Test]
    public void Pod_managed_fields_key_list_items_by_their_list_map_keys()
    {
        var created = Apply(BuiltinResources.Pods, null, Captured("pod-ssa.json"));

        Managed(created)![0]!["fieldsV1"].ShouldEqualJson("""
            {"f:metadata":{"f:labels":{"f:app":{},"f:tier":{}}},
             "f:spec":{"f:containers":{
               "k:{\"name\":\"app\"}":{".":{},"f:env":{
                   "k:{\"name\":\"B\"}":{".":{},"f:name":{},"f:value":{}},
                   "k:{\"name\":\"C\"}":{".":{},"f:name":{},"f:value":{}}},
                 "f:image":{},"f:name":{},"f:ports":{
                   "k:{\"containerPort\":443,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}},
                   "k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}},
               "k:{\"name\":\"side\"}":{".":{},"f:command":{},"f:image":{},"f:name":{}}}}}
            """);
    }

    [Test]
    public void Applying_a_changed_value_updates_the_object()
    {
        var live = Apply(BuiltinResources.ConfigMaps, null, ConfigMap("""{"a":"1"}"""));

        var updated = Apply(BuiltinResources.ConfigMaps, live, ConfigMap("""{"a":"2"}"""));

        updated["data"].ShouldEqualJson("""{"a":"2"}""");
    }

    [Test]
    public void A_field_the_manager_applied_before_and_omits_now_is_removed()
    {
        var live = Apply(BuiltinResources.ConfigMaps, null, ConfigMap("""{"a":"1","b":"2"}"""));

        var updated = Apply(BuiltinResources.ConfigMaps, live, ConfigMap("""{"a":"1"}"""));

        updated["data"].ShouldEqualJson("""{"a":"1"}""");
        Managed(updated)![0]!["fieldsV1"].ShouldEqualJson("""{"f:data":{"f:a":{}}}""");
    }

    [Test]
    public void An_omitted_field_another_manager_also_owns_is_kept()
    {
        var live = Apply(BuiltinResources.ConfigMaps, null, ConfigMap("""{"a":"1","b":"2"}"""));
        live = Apply(BuiltinResources.ConfigMaps, live, ConfigMap("""{"b":"2"}"""), manager: "other");

        var updated = Apply(BuiltinResources.ConfigMaps, live, ConfigMap("""{"a":"1"}"""));

        updated["data"].ShouldEqualJson("""{"a":"1","b":"2"}""");
    }

    [Test]
    public void An_omitted_container_is_removed_but_fields_others_set_on_kept_ones_stay()
    {
        const string Two = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}""";
        const string One = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"x"}]}}""";
        var live = Apply(BuiltinResources.Pods, null, Two);
        var defaulted = Applier.TrackUpdate(BuiltinResources.Pods, live,
            JsonMergePatchOf(live, """{"spec":{"containers":[{"name":"a","image":"x","imagePullPolicy":"Always"},{"name":"b","image":"y"}]}}"""), "defaulter", null);

        var updated = Apply(BuiltinResources.Pods, defaulted, One);

        updated["spec"]!["containers"].ShouldEqualJson("""[{"name":"a","image":"x","imagePullPolicy":"Always"}]""");
    }

    [Test]
    public void Changing_a_field_owned_by_client_side_apply_is_a_conflict()
    {
        var live = Applier.TrackUpdate(BuiltinResources.ConfigMaps, null, Obj(ConfigMap("""{"a":"1","b":"2"}""")), "kubectl-client-side-apply", null);

        var act = () => Apply(BuiltinResources.ConfigMaps, live, ConfigMap("""{"a":"1","b":"3"}"""));

        var error = act.Should().Throw<ApiError>().Which;
        error.Code.Should().Be(409);
        error.Reason.Should().Be("Conflict");
        error.Message.Should().Be("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using v1: .data.b");
        error.Details!.Causes.Should().ContainSingle().Which.Should().Be(
            new StatusCause("FieldManagerConflict", "conflict with \"kubectl-client-side-apply\" using v1", ".data.b"));
    }

    [Test]
    public void Several_conflicts_are_listed_per_manager()
    {
        var live = Applier.TrackUpdate(BuiltinResources.ConfigMaps, null, Obj(ConfigMap("""{"a":"1","b":"2"}""")), "kubectl-edit", null);

        var act = () => Apply(BuiltinResources.ConfigMaps, live, ConfigMap("""{"a":"9","b":"9"}"""));

        act.Should().Throw<ApiError>().Which.Message.Should().Be(
            "Apply failed with 2 conflicts: conflicts with \"kubectl-edit\" using v1:\n- .data.a\n- .data.b");
    }

    [Test]
    public void Applying_the_value_another_manager_set_shares_ownership_without_conflict()
    {
        var live = Applier.TrackUpdate(BuiltinResources.ConfigMaps, null, Obj(ConfigMap("""{"a":"1"}""")), "kubectl-edit", null);

        var updated = Apply(BuiltinResources.ConfigMaps, live, ConfigMap("""{"a":"1"}"""));

        Managed(updated)!.AsArray().Select(e => e!["manager"]!.GetValue<string>()).Should().Equal("kubectl-edit", "kubectl");
    }

    [Test]
    public void Forced_apply_takes_ownership_of_conflicting_fields()
    {
        var live = Applier.TrackUpdate(BuiltinResources.ConfigMaps, null, Obj(ConfigMap("""{"a":"1","b":"2"}""")), "kubectl-edit", null);

        var updated = Apply(BuiltinResources.ConfigMaps, live, ConfigMap("""{"b":"3"}"""), force: true);

        updated["data"].ShouldEqualJson("""{"a":"1","b":"3"}""");
        Managed(updated).ShouldEqualJson("""
            [{"manager":"kubectl-edit","operation":"Update","apiVersion":"v1","time":"2025-01-02T03:04:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{},"f:a":{}}}},
             {"manager":"kubectl","operation":"Apply","apiVersion":"v1","time":"2025-01-02T03:04:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:b":{}}}}]
            """);
    }

    [Test]
    public void Kubectl_server_side_apply_over_a_client_side_applied_pod_conflicts_unless_forced()
    {
        var live = Obj(Captured("pod-live.json"));

        var act = () => Apply(BuiltinResources.Pods, live, Captured("pod-ssa.json"));
        var forced = Apply(BuiltinResources.Pods, live, Captured("pod-ssa.json"), force: true);

        act.Should().Throw<ApiError>().Which.Message.Should().Contain("conflict with \"before-first-apply\" using v1").And.Contain(".spec.containers[name=\"app\"].image");
        forced["spec"]!["containers"]!.AsArray().Select(c => c!["image"]!.GetValue<string>()).Should().Equal("nginx:2", "busybox");
        forced["spec"]!["containers"]![0]!["ports"].ShouldEqualJson("""[{"containerPort":80},{"containerPort":443}]""");
    }

    [Test]
    public void Kubectl_last_applied_follow_up_apply_sets_the_annotation()
    {
        var live = Apply(BuiltinResources.ConfigMaps, Obj(Captured("configmap-live.json")), Captured("configmap-ssa.json"), force: true);

        var updated = Apply(BuiltinResources.ConfigMaps, live, Captured("configmap-ssa-last-applied.json"), manager: "kubectl-last-applied");

        updated["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!.GetValue<string>().Should().Contain("\"gone\"");
        updated["data"].ShouldEqualJson("""{"a":"1","b":"3","gone":"x","c":"new"}""");
    }

    [Test]
    public void Apply_body_may_be_yaml()
    {
        const string Yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: demo
            data:
              a: "1"
              enabled: "true"
            """;

        var created = Apply(BuiltinResources.ConfigMaps, null, Yaml);

        created["data"].ShouldEqualJson("""{"a":"1","enabled":"true"}""");
    }

    [Test]
    public void Unchanged_apply_keeps_the_managed_fields_time()
    {
        var live = Apply(BuiltinResources.ConfigMaps, null, ConfigMap("""{"a":"1"}"""));
        _time.Now = _time.Now.AddHours(1);

        var again = Apply(BuiltinResources.ConfigMaps, live, ConfigMap("""{"a":"1"}"""));

        again.ShouldEqualJson(live.ToJsonString());
    }

    [Test]
    public void Apply_without_a_field_manager_is_invalid()
    {
        var act = () => Apply(BuiltinResources.ConfigMaps, null, ConfigMap("{}"), manager: "");

        var error = act.Should().Throw<ApiError>().Which;
        error.Code.Should().Be(422);
        error.Message.Should().Be("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
    }

    [TestCase("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","managedFields":[{}]}}""")]
    [TestCase("""{"apiVersion":"v1","metadata":{"name":"x"}}""")]
    [TestCase("a: [unclosed")]
    [TestCase("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"containers":[{"image":"no-name"}]}}""")]
    public void Malformed_apply_configurations_are_bad_requests(string body)
    {
        var type = body.Contains("Pod", StringComparison.Ordinal) ? BuiltinResources.Pods : BuiltinResources.ConfigMaps;

        var act = () => Apply(type, null, body);

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }

    [Test]
    public void Status_apply_records_the_subresource_and_leaves_spec_alone()
    {
        var live = Apply(BuiltinResources.Pods, null, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"x"}]}}""");

        var updated = Apply(BuiltinResources.Pods, live,
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[]},"status":{"phase":"Running"}}""",
            manager: "kubelet", subresource: "status");

        updated["status"].ShouldEqualJson("""{"phase":"Running"}""");
        updated["spec"]!["containers"]!.AsArray().Should().HaveCount(1);
        Managed(updated)![1].ShouldEqualJson("""
            {"manager":"kubelet","operation":"Apply","apiVersion":"v1","time":"2025-01-02T03:04:05Z","fieldsType":"FieldsV1",
             "fieldsV1":{"f:status":{"f:phase":{}}},"subresource":"status"}
            """);
    }

    private static JsonObject JsonMergePatchOf(JsonObject live, string patch) => (JsonObject)JsonMergePatch.Apply(live, JsonNode.Parse(patch))!;
}
