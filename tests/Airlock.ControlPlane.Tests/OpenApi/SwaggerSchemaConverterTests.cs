using System.Text.Json.Nodes;
using Airlock.ControlPlane.Schema.OpenApi;

namespace Airlock.ControlPlane.Tests.OpenApi;

public class SwaggerSchemaConverterTests
{
    private static JsonObject Convert(string v3) => SwaggerSchemaConverter.Convert(JsonNode.Parse(v3)!.AsObject());

    [Test]
    public void A_described_allOf_reference_becomes_a_definitions_ref_beside_its_description()
    {
        var v2 = Convert("""{"description": "Standard object's metadata.", "allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}]}""");

        v2.ToJsonString().Should().Be("""{"$ref":"#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta","description":"Standard object\u0027s metadata."}""");
    }

    [Test]
    public void References_inside_arrays_and_maps_point_into_definitions()
    {
        var v2 = Convert("""
            {"type": "object", "properties": {
              "items": {"type": "array", "items": {"$ref": "#/components/schemas/a.B"}},
              "byName": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/a.C"}}}}
            """);

        v2["properties"]!["items"]!["items"]!["$ref"]!.GetValue<string>().Should().Be("#/definitions/a.B");
        v2["properties"]!["byName"]!["additionalProperties"]!["$ref"]!.GetValue<string>().Should().Be("#/definitions/a.C");
    }

    [Test]
    public void A_nullable_node_loses_its_type_and_properties_so_kubectl_accepts_a_null()
    {
        var v2 = Convert("""{"type": "object", "nullable": true, "properties": {"a": {"type": "string"}}, "required": ["a"]}""");

        v2.ToJsonString().Should().Be("{}");
    }

    [Test]
    public void A_node_preserving_unknown_fields_loses_its_properties_so_kubectl_accepts_unlisted_ones()
    {
        var v2 = Convert("""{"type": "object", "x-kubernetes-preserve-unknown-fields": true, "properties": {"a": {"type": "string"}}}""");

        v2.ToJsonString().Should().Be("""{"type":"object","x-kubernetes-preserve-unknown-fields":true}""");
    }

    [Test]
    public void OneOf_and_anyOf_are_dropped_leaving_an_untyped_value()
    {
        var v2 = Convert("""{"x-kubernetes-int-or-string": true, "anyOf": [{"type": "integer"}, {"type": "string"}], "oneOf": [{"type": "string"}]}""");

        v2.ToJsonString().Should().Be("""{"x-kubernetes-int-or-string":true}""");
    }

    [Test]
    public void An_array_left_without_items_loses_its_type()
    {
        var v2 = Convert("""{"type": "array", "x-kubernetes-preserve-unknown-fields": true, "items": {"type": "string"}}""");

        v2.ContainsKey("type").Should().BeFalse();
    }

    [Test]
    public void Validation_keywords_and_extensions_are_kept()
    {
        var v2 = Convert("""{"type": "string", "maxLength": 5, "pattern": "^a", "enum": ["a"], "default": "a", "x-kubernetes-list-type": "set"}""");

        v2.ToJsonString().Should().Be("""{"type":"string","maxLength":5,"pattern":"^a","enum":["a"],"default":"a","x-kubernetes-list-type":"set"}""");
    }
}
