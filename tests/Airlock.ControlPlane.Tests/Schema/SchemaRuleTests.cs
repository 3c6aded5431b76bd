using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema;

namespace Airlock.ControlPlane.Tests.Schema;

/// <summary>One value validation at a time, each on a one-field schema: <c>spec.x</c>.</summary>
public class SchemaRuleTests
{
    private readonly SchemaService _schemas = new();

    private static ResourceType TypeWith(string fieldSchema) => SampleCrd.Widgets() with
    {
        CustomSchema = (JsonObject)JsonNode.Parse($$"""
            {"type": "object", "properties": {"spec": {"type": "object", "properties": {"x": {{fieldSchema}} } } } }
            """)!,
    };

    private (SchemaCheckResult Result, JsonObject Object) Check(string fieldSchema, string value)
    {
        var obj = (JsonObject)JsonNode.Parse($$"""{"apiVersion": "widgets.example.com/v1", "kind": "Widget", "metadata": {"name": "w"}, "spec": {"x": {{value}} } }""")!;
        return (_schemas.Check(TypeWith(fieldSchema), obj), obj);
    }

    private IEnumerable<string> Errors(string fieldSchema, string value) => Check(fieldSchema, value).Result.Errors.Select(e => e.ToString());

    public static IEnumerable<TestCaseData> Violations()
    {
        TestCaseData Case(string name, string schema, string value, string expected) => new TestCaseData(schema, value, expected).SetName("Rule_" + name);

        yield return Case("exclusiveMinimum", """{"type": "integer", "minimum": 5, "exclusiveMinimum": true}""", "5",
            "spec.x: Invalid value: 5: spec.x in body should be greater than 5");
        yield return Case("exclusiveMaximum", """{"type": "number", "maximum": 1.5, "exclusiveMaximum": true}""", "1.5",
            "spec.x: Invalid value: 1.5: spec.x in body should be less than 1.5");
        yield return Case("multipleOf", """{"type": "integer", "multipleOf": 5}""", "7",
            "spec.x: Invalid value: 7: spec.x in body should be a multiple of 5");
        yield return Case("minItems", """{"type": "array", "items": {"type": "string"}, "minItems": 2}""", """["a"]""",
            "spec.x: Invalid value: 1: spec.x in body should have at least 2 items");
        yield return Case("uniqueItems", """{"type": "array", "items": {"type": "integer"}, "uniqueItems": true}""", "[1, 1]",
            """spec.x: Invalid value: "": spec.x in body shouldn't contain duplicates""");
        yield return Case("minProperties", """{"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1}""", "{}",
            "spec.x: Invalid value: 0: spec.x in body should have at least 1 properties");
        yield return Case("not_nullable", """{"type": "string", "x-kubernetes-preserve-unknown-fields": true}""", "null",
            """spec.x: Invalid value: "null": spec.x in body must be of type string: "null" """.TrimEnd());
        yield return Case("format_date_time", """{"type": "string", "format": "date-time"}""", "\"yesterday\"",
            """spec.x: Invalid value: "yesterday": spec.x in body must be of type date-time: "yesterday" """.TrimEnd());
        yield return Case("format_duration", """{"type": "string", "format": "duration"}""", "\"5 minutes\"",
            """spec.x: Invalid value: "5 minutes": spec.x in body must be of type duration: "5 minutes" """.TrimEnd());
        yield return Case("format_int32", """{"type": "integer", "format": "int32"}""", "3000000000",
            "spec.x: Invalid value: 3000000000: spec.x in body must be of type int32");
        yield return Case("additionalProperties_schema", """{"type": "object", "additionalProperties": {"type": "integer"}}""", """{"a": "b"}""",
            """spec.x.a: Invalid value: "string": spec.x.a in body must be of type integer: "string" """.TrimEnd());
        yield return Case("enum_of_numbers", """{"type": "integer", "enum": [1, 2]}""", "3", """spec.x: Unsupported value: 3: supported values: "1", "2" """.TrimEnd());
        yield return Case("anyOf", """{"type": "integer", "anyOf": [{"minimum": 10}, {"maximum": 0}]}""", "5",
            "spec.x: Invalid value: 5: spec.x in body must validate at least one schema (anyOf)");
        yield return Case("oneOf", """{"type": "integer", "oneOf": [{"minimum": 0}, {"maximum": 10}]}""", "5",
            "spec.x: Invalid value: 5: spec.x in body must validate one and only one schema (oneOf)");
        yield return Case("not", """{"type": "string", "not": {"enum": ["root"]}}""", "\"root\"",
            """spec.x: Invalid value: "root": spec.x in body must not validate the schema (not)""");
        yield return Case("embedded_resource_needs_kind",
            """{"type": "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true}""", """{"apiVersion": "v1"}""",
            "spec.x.kind: Required value: must not be empty");
        yield return Case("cel_default_message", """{"type": "integer", "x-kubernetes-validations": [{"rule": "self > 1"}]}""", "1",
            """spec.x: Invalid value: "integer": failed rule: self > 1""");
        yield return Case("cel_reason_forbidden",
            """{"type": "string", "x-kubernetes-validations": [{"rule": "self != 'root'", "message": "root is not allowed", "reason": "FieldValueForbidden"}]}""",
            "\"root\"", "spec.x: Forbidden: root is not allowed");
        yield return Case("cel_kubernetes_string_library",
            """{"type": "string", "x-kubernetes-validations": [{"rule": "self.lowerAscii() == self", "message": "must be lower case"}]}""",
            "\"Abc\"", """spec.x: Invalid value: "string": must be lower case""");
        yield return Case("cel_uncompilable_rule_fails_closed", """{"type": "integer", "x-kubernetes-validations": [{"rule": "self >"}]}""", "1",
            """spec.x: Invalid value: "integer": compilation failed""");
    }

    [TestCaseSource(nameof(Violations))]
    public void Violation_is_reported(string schema, string value, string expected)
    {
        Errors(schema, value).Should().ContainSingle().Which.Should().StartWith(expected);
    }

    [TestCase("""{"type": "string", "nullable": true}""", "null")]
    [TestCase("""{"type": "string", "format": "date-time"}""", "\"2024-05-01T10:00:00Z\"")]
    [TestCase("""{"type": "string", "format": "duration"}""", "\"1h30m\"")]
    [TestCase("""{"type": "number"}""", "3")]
    [TestCase("""{"x-kubernetes-int-or-string": true}""", "\"80%\"")]
    [TestCase("""{"x-kubernetes-int-or-string": true}""", "8080")]
    [TestCase("""{"type": "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true}""",
        """{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"a": "b"}}""")]
    [TestCase("""{"type": "integer", "x-kubernetes-validations": [{"rule": "self == oldSelf", "message": "immutable"}]}""", "1")]
    public void Valid_value_passes(string schema, string value)
    {
        Errors(schema, value).Should().BeEmpty();
    }

    [Test]
    public void Additional_properties_false_prunes_every_key()
    {
        var (result, obj) = Check("""{"type": "object", "additionalProperties": false}""", """{"a": 1}""");

        result.UnknownFields.Should().Equal("spec.x.a");
        obj["spec"]!["x"]!.AsObject().Should().BeEmpty();
    }

    [Test]
    public void Embedded_resource_metadata_is_pruned_as_object_meta()
    {
        var (result, _) = Check("""{"type": "object", "x-kubernetes-embedded-resource": true, "properties": {"data": {"type": "object"}}}""",
            """{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "bogus": 1}}""");

        result.UnknownFields.Should().Equal("spec.x.metadata.bogus");
    }

    [Test]
    public void Defaults_apply_inside_defaulted_objects()
    {
        var (_, obj) = Check("""{"type": "object", "default": {}, "properties": {"a": {"type": "string", "default": "z"}}}""", "null");

        obj["spec"]!["x"]!.ToJsonString().Should().Be("""{"a":"z"}""");
    }

    [Test]
    public void Defaults_apply_to_map_values()
    {
        var (_, obj) = Check("""{"type": "object", "additionalProperties": {"type": "object", "properties": {"p": {"type": "integer", "default": 1}}}}""",
            """{"k": {}}""");

        obj["spec"]!["x"]!["k"]!["p"]!.GetValue<int>().Should().Be(1);
    }

    [Test]
    public void Nullable_null_is_kept_even_with_a_default()
    {
        var (_, obj) = Check("""{"type": "string", "nullable": true, "default": "d"}""", "null");

        obj["spec"]!.AsObject().ContainsKey("x").Should().BeTrue();
        obj["spec"]!["x"].Should().BeNull();
    }

    [Test]
    public void Pathological_pattern_times_out_and_fails_instead_of_hanging()
    {
        var input = new string('a', 5000) + "!";

        Errors("""{"type": "string", "pattern": "^(a+)+$"}""", $"\"{input}\"").Should().ContainSingle().Which.Should().Contain("should match");
    }
}
