using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema;
using Airlock.ControlPlane.Schema.OpenApi;
using Airlock.ControlPlane.Tests.Schema;

namespace Airlock.ControlPlane.Tests.OpenApi;

public class SwaggerDocumentBuilderTests
{
    private static readonly IReadOnlyList<ResourceType> Served = [.. BuiltinResources.All, SampleCrd.AgentTasks()];

    private static readonly Lazy<JsonObject> Document = new(() =>
    {
        var schemas = new SchemaService();
        var paths = schemas.OpenApiV3Index(Served)["paths"]!.AsObject().Select(p => p.Key);
        return SwaggerDocumentBuilder.Build(paths.Select(p => schemas.OpenApiV3Document(p, Served)!));
    });

    private static JsonObject Definitions => Document.Value["definitions"]!.AsObject();

    private static IEnumerable<JsonObject> AllSchemas(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (_, child) in obj)
            {
                foreach (var nested in AllSchemas(child)) yield return nested;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var nested in array.SelectMany(AllSchemas)) yield return nested;
        }
    }

    [Test]
    public void Document_is_swagger_2_0()
    {
        Document.Value["swagger"]!.GetValue<string>().Should().Be("2.0");
    }

    [Test]
    public void Definitions_hold_the_kinds_of_every_group_version()
    {
        Definitions.Select(d => d.Key).Should().Contain([
            "io.k8s.api.core.v1.ConfigMap", "io.k8s.api.rbac.v1.Role", "dev.airlock.agents.v1alpha1.AgentTask", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]);
    }

    [Test]
    public void Every_reference_names_a_definition_because_kubectl_refuses_dangling_ones()
    {
        var references = AllSchemas(Definitions).Select(s => s["$ref"]).OfType<JsonValue>().Select(r => r.GetValue<string>()).Distinct().ToList();

        references.Should().NotBeEmpty().And.OnlyContain(r => r.StartsWith(SwaggerSchemaConverter.DefinitionsPrefix)
            && Definitions.ContainsKey(r.Substring(SwaggerSchemaConverter.DefinitionsPrefix.Length)));
    }

    [Test]
    public void Every_array_has_an_item_schema_because_kubectl_refuses_arrays_without_one()
    {
        AllSchemas(Definitions).Where(s => s["type"] is JsonValue t && t.GetValue<string>() == "array").Should().OnlyContain(s => s["items"] is JsonObject);
    }

    [Test]
    public void Custom_kind_carries_its_group_version_kind_so_kubectl_finds_its_model()
    {
        Definitions["dev.airlock.agents.v1alpha1.AgentTask"]!["x-kubernetes-group-version-kind"]!.ToJsonString()
            .Should().Be("""[{"group":"agents.airlock.dev","kind":"AgentTask","version":"v1alpha1"}]""");
    }

    [Test]
    public void Builtin_list_fields_keep_their_strategic_merge_keys()
    {
        var containers = Definitions["io.k8s.api.core.v1.PodSpec"]!["properties"]!["containers"]!;

        containers["x-kubernetes-patch-merge-key"]!.GetValue<string>().Should().Be("name");
        containers["x-kubernetes-patch-strategy"]!.GetValue<string>().Should().Be("merge");
    }
}
