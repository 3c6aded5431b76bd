using System.Text.Json.Nodes;
using Airlock.ControlPlane.Schema;

namespace Airlock.ControlPlane.Tests.Schema;

public class CustomResourceCheckTests
{
    private readonly SchemaService _schemas = new();

    private static JsonObject Task(string spec, string extra = "") => (JsonObject)JsonNode.Parse($$"""
        {"apiVersion": "agents.airlock.dev/v1alpha1", "kind": "AgentTask", "metadata": {"name": "t", "namespace": "default"},
         "spec": {{spec}} {{extra}} }
        """)!;

    private SchemaCheckResult Check(JsonObject obj) => _schemas.Check(SampleCrd.AgentTasks(), obj);

    [Test]
    public void Valid_task_passes_and_gets_its_defaults()
    {
        var task = Task("""{"image": "agent:1", "prompt": "fix it", "egress": [{"host": "api.example.com"}]}""");

        var result = Check(task);

        result.Errors.Should().BeEmpty();
        result.UnknownFields.Should().BeEmpty();
        task["spec"]!.ToJsonString().Should().Be(
            """{"image":"agent:1","prompt":"fix it","egress":[{"host":"api.example.com","port":443}],"mode":"Supervised","timeout":"30m","tokenExpirationSeconds":3600,"minReplicas":1,"maxReplicas":1}""");
    }

    [Test]
    public void Present_values_are_not_replaced_by_defaults()
    {
        var task = Task("""{"image": "a", "prompt": "p", "mode": "Autonomous"}""");

        Check(task);

        task["spec"]!["mode"]!.GetValue<string>().Should().Be("Autonomous");
    }

    [Test]
    public void Null_without_nullable_takes_the_default()
    {
        var task = Task("""{"image": "a", "prompt": "p", "timeout": null}""");

        Check(task);

        task["spec"]!["timeout"]!.GetValue<string>().Should().Be("30m");
    }

    [Test]
    public void Unknown_fields_are_pruned_and_reported_by_path()
    {
        var task = Task("""{"image": "a", "prompt": "p", "foo": 1, "egress": [{"host": "h", "bar": true}]}""", """, "top": 1""");
        task["metadata"]!["foo"] = "x";

        var result = Check(task);

        result.UnknownFields.Should().BeEquivalentTo("spec.foo", "spec.egress[0].bar", "metadata.foo", "top");
        task["spec"]!.AsObject().ContainsKey("foo").Should().BeFalse();
        task["spec"]!["egress"]![0]!.AsObject().ContainsKey("bar").Should().BeFalse();
        task["metadata"]!.AsObject().ContainsKey("foo").Should().BeFalse();
        result.Errors.Should().BeEmpty();
    }

    [Test]
    public void Preserved_and_map_fields_are_kept()
    {
        var task = Task("""{"image": "a", "prompt": "p", "extra": {"anything": {"deep": 1}}, "labels": {"k": "v"}}""");

        var result = Check(task);

        result.UnknownFields.Should().BeEmpty();
        task["spec"]!["extra"]!["anything"]!["deep"]!.GetValue<int>().Should().Be(1);
        task["spec"]!["labels"]!["k"]!.GetValue<string>().Should().Be("v");
    }

    [Test]
    public void Metadata_is_checked_as_object_meta()
    {
        var task = Task("""{"image": "a", "prompt": "p"}""");
        task["metadata"]!["labels"] = new JsonObject { ["app"] = 5 };

        Check(task).Errors.Select(e => e.ToString()).Should().Equal(
            """metadata.labels.app: Invalid value: "integer": metadata.labels.app in body must be of type string: "integer" """.TrimEnd());
    }

    public static IEnumerable<TestCaseData> Violations()
    {
        TestCaseData Case(string spec, string expected, string name) => new TestCaseData(spec, expected).SetName("Message_" + name);

        yield return Case("""{"prompt": "p"}""", "spec.image: Required value", "required");
        yield return Case("""{"image": null, "prompt": "p"}""", "spec.image: Required value", "null_required_field_is_dropped_then_required");
        yield return Case("""{"image": "a", "prompt": "p", "tokenExpirationSeconds": 100}""",
            "spec.tokenExpirationSeconds: Invalid value: 100: spec.tokenExpirationSeconds in body should be greater than or equal to 600", "minimum");
        yield return Case("""{"image": "a", "prompt": "p", "tokenExpirationSeconds": 90000}""",
            "spec.tokenExpirationSeconds: Invalid value: 90000: spec.tokenExpirationSeconds in body should be less than or equal to 86400", "maximum");
        yield return Case("""{"image": "a", "prompt": "p", "mode": "x"}""",
            """spec.mode: Unsupported value: "x": supported values: "Autonomous", "Supervised" """.TrimEnd(), "enum");
        yield return Case("""{"image": "a", "prompt": "p", "timeout": "x"}""",
            """spec.timeout: Invalid value: "x": spec.timeout in body should match '^[0-9]+(s|m|h)$'""", "pattern");
        yield return Case("""{"image": "a", "prompt": "p", "minReplicas": "string"}""",
            """spec.minReplicas: Invalid value: "string": spec.minReplicas in body must be of type integer: "string" """.TrimEnd(), "type");
        yield return Case("""{"image": "a", "prompt": "p", "minReplicas": 1.5}""",
            """spec.minReplicas: Invalid value: "number": spec.minReplicas in body must be of type integer: "number" """.TrimEnd(), "integer_vs_number");
        yield return Case("""{"image": "", "prompt": "p"}""",
            """spec.image: Invalid value: "": spec.image in body should be at least 1 chars long""", "minLength");
        yield return Case($$"""{"image": "a", "prompt": "{{new string('x', 101)}}"}""", "spec.prompt: Too long: may not be longer than 100", "maxLength");
        yield return Case("""{"image": "a", "prompt": "p", "tools": ["a", "b", "c", "d", "e"]}""", "spec.tools: Too many: 5: must have at most 4 items", "maxItems");
        yield return Case("""{"image": "a", "prompt": "p", "tools": ["a", "a"]}""", """spec.tools[1]: Duplicate value: "a" """.TrimEnd(), "list_type_set");
        yield return Case("""{"image": "a", "prompt": "p", "egress": [{"host": "x"}, {"host": "x", "port": 80}]}""",
            """spec.egress[1]: Duplicate value: map[string]interface {}{"host":"x"}""", "list_type_map");
        yield return Case("""{"image": "a", "prompt": "p", "labels": {"a": "1", "b": "2", "c": "3", "d": "4"}}""",
            "spec.labels: Too many: 4: must have at most 3 items", "maxProperties");
        yield return Case("""{"image": "a", "prompt": "p", "port": true}""",
            """spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean" """.TrimEnd(), "int_or_string");
        yield return Case("""{"image": "a", "prompt": "p", "egress": [{"port": 1}]}""", "spec.egress[0].host: Required value", "required_in_list_item");
        yield return Case("""{"image": "a", "prompt": "p", "minReplicas": 3, "maxReplicas": 1}""",
            """spec: Invalid value: "object": minReplicas must not exceed maxReplicas""", "cel_message");
        yield return Case("""{"image": "a", "prompt": "p", "egress": [{"host": "h", "port": 0}]}""",
            """spec.egress[0].port: Invalid value: "object": port of h must be positive""", "cel_message_expression_and_field_path");
    }

    [TestCaseSource(nameof(Violations))]
    public void Violation_is_reported_as_the_api_server_words_it(string spec, string expected)
    {
        Check(Task(spec)).Errors.Select(e => e.ToString()).Should().Equal(expected);
    }

    [Test]
    public void Status_enum_is_validated_too()
    {
        var task = Task("""{"image": "a", "prompt": "p"}""", """, "status": {"phase": "Lost"}""");

        Check(task).Errors.Single().Field.Should().Be("status.phase");
    }

    [Test]
    public void Errors_carry_the_api_server_cause_types()
    {
        var task = Task("""{"prompt": "p", "mode": "x", "minReplicas": "y", "tools": ["a", "a"]}""");

        Check(task).Errors.Select(e => e.Type).Should().BeEquivalentTo(
            "FieldValueRequired", "FieldValueNotSupported", "FieldValueTypeInvalid", "FieldValueDuplicate");
    }

    [Test]
    public void Concurrent_checks_of_a_freshly_parsed_schema_agree()
    {
        var type = SampleCrd.AgentTasks();
        var schemas = new SchemaService();

        var results = new string[64];
        Parallel.For(0, results.Length, i =>
        {
            var task = Task("{\"image\": \"a\", \"prompt\": \"p\", \"mode\": \"x\", \"foo\": 1}");
            var result = schemas.Check(type, task);
            results[i] = string.Join("|", result.Errors) + "/" + string.Join("|", result.UnknownFields) + "/" + task.ToJsonString();
        });

        results.Distinct().Should().ContainSingle();
    }
}
