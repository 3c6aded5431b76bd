using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema;

namespace Airlock.ControlPlane.Tests.Schema;

public class BuiltinCheckTests
{
    private readonly SchemaService _schemas = new();

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Test]
    public void Valid_configmap_passes_untouched()
    {
        var cm = Parse("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "creationTimestamp": null, "labels": {"a": "b"}}, "data": {"k": "v"}}""");
        var before = cm.ToJsonString();

        var result = _schemas.Check(BuiltinResources.ConfigMaps, cm);

        result.Should().Be(SchemaCheckResult.Ok);
        cm.ToJsonString().Should().Be(before);
    }

    [Test]
    public void Unknown_fields_are_pruned_and_reported_by_path()
    {
        var cm = Parse("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "bogus": 1}, "data": {"k": "v"}, "extra": true}""");

        var result = _schemas.Check(BuiltinResources.ConfigMaps, cm);

        result.UnknownFields.Should().BeEquivalentTo("metadata.bogus", "extra");
        cm.ContainsKey("extra").Should().BeFalse();
        result.Errors.Should().BeEmpty();
    }

    [Test]
    public void Unknown_fields_deep_in_lists_are_reported_with_their_index()
    {
        var pod = Parse("""{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": "i"}, {"name": "b", "image": "i", "imagePullPolice": "Always"}]}}""");

        _schemas.Check(BuiltinResources.Pods, pod).UnknownFields.Should().Equal("spec.containers[1].imagePullPolice");
    }

    [Test]
    public void Wrong_type_is_a_type_invalid_cause()
    {
        var cm = Parse("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"k": 5}}""");

        var error = _schemas.Check(BuiltinResources.ConfigMaps, cm).Errors.Should().ContainSingle().Subject;

        error.Type.Should().Be("FieldValueTypeInvalid");
        error.ToString().Should().Be("""data.k: Invalid value: "integer": data.k in body must be of type string: "integer" """.TrimEnd());
    }

    [Test]
    public void Int_or_string_and_quantities_accept_both_forms()
    {
        var svc = Parse("""{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}, "spec": {"ports": [{"port": 80, "targetPort": "http"}, {"port": 81, "targetPort": 8081}]}}""");
        var pod = Parse("""{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": "i", "resources": {"limits": {"cpu": 1, "memory": "64Mi"}}}]}}""");

        _schemas.Check(BuiltinResources.Services, svc).Should().Be(SchemaCheckResult.Ok);
        _schemas.Check(BuiltinResources.Pods, pod).Should().Be(SchemaCheckResult.Ok);
    }

    [Test]
    public void Free_form_fields_are_kept()
    {
        var crd = SampleCrd.Crd();

        var result = _schemas.Check(BuiltinResources.CustomResourceDefinitions, crd);

        result.UnknownFields.Should().BeEmpty();
        result.Errors.Should().BeEmpty();
        crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["mode"]!["default"]!
            .GetValue<string>().Should().Be("Supervised");
    }

    [Test]
    public void Wrong_type_for_a_nested_object_is_reported_at_its_path()
    {
        var role = Parse("""{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r"}, "rules": [{"verbs": "get"}]}""");

        _schemas.Check(BuiltinResources.Roles, role).Errors.Select(e => e.Field).Should().Equal("rules[0].verbs");
    }
}
