using System.Text.Json.Nodes;
using Airlock.ControlPlane.Schema;

namespace Airlock.ControlPlane.Tests.Schema;

public class CrdValidationTests
{
    private readonly SchemaService _schemas = new();

    private static JsonObject Crd(Action<JsonObject> change)
    {
        var crd = SampleCrd.Crd();
        change(crd);
        return crd;
    }

    private static JsonObject Schema(JsonObject crd) => (JsonObject)crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;

    private IEnumerable<string> Errors(JsonObject crd) => _schemas.ValidateCustomResourceDefinition(crd).Select(e => e.ToString());

    [Test]
    public void Sample_crd_is_valid()
    {
        Errors(SampleCrd.Crd()).Should().BeEmpty();
    }

    [Test]
    public void Singular_and_list_kind_are_defaulted_from_the_kind()
    {
        var crd = Crd(c =>
        {
            c["spec"]!["names"]!.AsObject().Remove("singular");
            c["spec"]!["names"]!.AsObject().Remove("listKind");
        });

        Errors(crd).Should().BeEmpty();
        crd["spec"]!["names"]!["singular"]!.GetValue<string>().Should().Be("agenttask");
        crd["spec"]!["names"]!["listKind"]!.GetValue<string>().Should().Be("AgentTaskList");
    }

    public static IEnumerable<TestCaseData> Violations()
    {
        TestCaseData Case(string name, Action<JsonObject> change, string expected) => new TestCaseData(change, expected).SetName("Crd_" + name);

        yield return Case("name_must_be_plural_dot_group", c => c["metadata"]!["name"] = "tasks.agents.airlock.dev",
            """metadata.name: Invalid value: "tasks.agents.airlock.dev": must be spec.names.plural+"."+spec.group""");
        yield return Case("group_needs_a_dot", c => { c["spec"]!["group"] = "agents"; c["metadata"]!["name"] = "agenttasks.agents"; },
            """spec.group: Invalid value: "agents": should be a domain with at least one dot""");
        yield return Case("group_is_a_subdomain", c => { c["spec"]!["group"] = "Agents.dev"; c["metadata"]!["name"] = "agenttasks.Agents.dev"; },
            """spec.group: Invalid value: "Agents.dev": a lowercase RFC 1123 subdomain must consist of""");
        yield return Case("scope_enum", c => c["spec"]!["scope"] = "Global",
            """spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced" """.TrimEnd());
        yield return Case("plural_is_a_dns_label", c => { c["spec"]!["names"]!["plural"] = "Agent_Tasks"; c["metadata"]!["name"] = "Agent_Tasks.agents.airlock.dev"; },
            """spec.names.plural: Invalid value: "Agent_Tasks": a DNS-1035 label must consist of lower case alphanumeric characters""");
        yield return Case("singular_is_a_dns_label", c => c["spec"]!["names"]!["singular"] = "Agent",
            """spec.names.singular: Invalid value: "Agent": a DNS-1035 label""");
        yield return Case("kind_required", c => c["spec"]!["names"]!["kind"] = "", "spec.names.kind: Required value");
        yield return Case("kind_shape", c => c["spec"]!["names"]!["kind"] = "Agent Task",
            """spec.names.kind: Invalid value: "Agent Task": may have mixed case, but should otherwise match: [a-z]([-a-z0-9]*[a-z0-9])?""");
        yield return Case("list_kind_differs", c => c["spec"]!["names"]!["listKind"] = "AgentTask",
            """spec.names.listKind: Invalid value: "AgentTask": kind and listKind must be different""");
        yield return Case("versions_required", c => c["spec"]!["versions"] = new JsonArray(), "spec.versions: Required value: must have at least one version");
        yield return Case("exactly_one_storage", c => c["spec"]!["versions"]![0]!["storage"] = false,
            "spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must have exactly one version marked as storage version");
        yield return Case("one_served", c => c["spec"]!["versions"]![0]!["served"] = false,
            "spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must have at least one version marked as served");
        yield return Case("schema_required", c => c["spec"]!["versions"]![0]!.AsObject().Remove("schema"),
            "spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required");
        yield return Case("root_is_object", c => Schema(c)["type"] = "string",
            """spec.versions[0].schema.openAPIV3Schema.type: Invalid value: "string": must be object at the root""");
        yield return Case("every_field_has_a_type", c => Schema(c)["properties"]!["spec"]!["properties"]!["image"]!.AsObject().Remove("type"),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[image].type: Required value: must not be empty for specified fields");
        yield return Case("array_items_have_a_type", c => Schema(c)["properties"]!["spec"]!["properties"]!["tools"]!["items"]!.AsObject().Remove("type"),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[tools].items.type: Required value: must not be empty for specified fields");
        yield return Case("no_refs", c => Schema(c)["properties"]!["spec"]!["properties"]!["image"]!["$ref"] = "#/definitions/x",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[image].$ref: Forbidden: $ref is not supported");
        yield return Case("no_types_in_junctors", c => Schema(c)["properties"]!["spec"]!["anyOf"] = JsonNode.Parse("""[{"type": "object"}]"""),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].anyOf[0].type: Forbidden: must be empty to be structural");
        yield return Case("list_map_keys_required", c => Schema(c)["properties"]!["spec"]!["properties"]!["egress"]!.AsObject().Remove("x-kubernetes-list-map-keys"),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[egress].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map");
        yield return Case("cel_rule_compiles", c => Schema(c)["properties"]!["spec"]!["x-kubernetes-validations"]![0]!["rule"] = "self.minReplicas <=",
            """spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Invalid value: "self.minReplicas <=": compilation failed""");
        yield return Case("printer_column_type", c => c["spec"]!["versions"]![0]!["additionalPrinterColumns"]![0]!["type"] = "text",
            """spec.versions[0].additionalPrinterColumns[0].type: Unsupported value: "text": supported values: "boolean", "date", "integer", "number", "string" """.TrimEnd());
        yield return Case("printer_column_json_path", c => c["spec"]!["versions"]![0]!["additionalPrinterColumns"]![0]!.AsObject().Remove("jsonPath"),
            "spec.versions[0].additionalPrinterColumns[0].jsonPath: Required value");
    }

    [TestCaseSource(nameof(Violations))]
    public void Violation_is_reported(Action<JsonObject> change, string expected)
    {
        Errors(Crd(change)).Should().ContainSingle().Which.Should().StartWith(expected);
    }

    [Test]
    public void Int_or_string_and_preserved_fields_need_no_type()
    {
        var crd = Crd(c => Schema(c)["properties"]!["spec"]!["properties"]!["port"]!["anyOf"] = JsonNode.Parse("""[{"type": "integer"}, {"type": "string"}]"""));

        Errors(crd).Should().BeEmpty();
    }
}
