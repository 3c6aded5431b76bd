using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema;
using Airlock.ControlPlane.Schema.OpenApi;

namespace Airlock.ControlPlane.Tests.Schema;

public class OpenApiDocumentTests
{
    private static readonly IReadOnlyList<ResourceType> Served = [.. BuiltinResources.All, SampleCrd.AgentTasks()];

    private readonly SchemaService _schemas = new();

    private JsonObject Document(string path) => _schemas.OpenApiV3Document(path, Served) ?? throw new AssertionException($"no document for {path}");

    private static JsonObject Schema(JsonObject document, string name) =>
        document["components"]!["schemas"]![name] as JsonObject ?? throw new AssertionException($"no schema {name}");

    [Test]
    public void Index_lists_every_served_group_version_with_a_hashed_url()
    {
        var paths = _schemas.OpenApiV3Index(Served)["paths"]!.AsObject();

        paths.Select(p => p.Key).Should().Contain(["api/v1", "apis/rbac.authorization.k8s.io/v1", "apis/apiextensions.k8s.io/v1", "apis/agents.airlock.dev/v1alpha1"]);
        paths["api/v1"]!["serverRelativeURL"]!.GetValue<string>().Should().MatchRegex("^/openapi/v3/api/v1\\?hash=[0-9A-F]{128}$");
    }

    [Test]
    public void Core_document_carries_the_namespace_patch_canary()
    {
        var patch = Document("api/v1")["paths"]!["/api/v1/namespaces/{name}"]!["patch"]!;

        patch["x-kubernetes-action"]!.GetValue<string>().Should().Be("patch");
        patch["x-kubernetes-group-version-kind"]!.ToJsonString().Should().Be("""{"group":"","version":"v1","kind":"Namespace"}""");
        ParameterNames(patch).Should().Contain("fieldValidation");
    }

    [Test]
    public void Configmap_patch_operation_names_its_kind_and_accepts_field_validation()
    {
        var patch = Document("api/v1")["paths"]!["/api/v1/namespaces/{namespace}/configmaps/{name}"]!["patch"]!;

        patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>().Should().Be("ConfigMap");
        var fieldValidation = patch["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "fieldValidation")!;
        fieldValidation["in"]!.GetValue<string>().Should().Be("query");
        fieldValidation["schema"]!["type"]!.GetValue<string>().Should().Be("string");
        ParameterNames(patch).Should().Contain(["dryRun", "fieldManager", "force"]);
    }

    [Test]
    public void Item_path_has_get_put_patch_and_delete()
    {
        var item = Document("apis/rbac.authorization.k8s.io/v1")["paths"]!["/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}"]!.AsObject();

        item.Select(p => p.Key).Should().Contain(["get", "put", "patch", "delete"]);
    }

    [Test]
    public void Custom_resource_patch_operation_names_its_kind()
    {
        var patch = Document("apis/agents.airlock.dev/v1alpha1")["paths"]!["/apis/agents.airlock.dev/v1alpha1/namespaces/{namespace}/agenttasks/{name}"]!["patch"]!;

        patch["x-kubernetes-group-version-kind"]!.ToJsonString().Should().Be("""{"group":"agents.airlock.dev","version":"v1alpha1","kind":"AgentTask"}""");
        ParameterNames(patch).Should().Contain("fieldValidation");
        patch["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Should().NotContain("application/strategic-merge-patch+json");
    }

    [Test]
    public void Cluster_scoped_custom_resource_item_path_has_no_namespace()
    {
        var document = _schemas.OpenApiV3Document("apis/widgets.example.com/v1", [SampleCrd.Widgets()])!;

        document["paths"]!.AsObject().Select(p => p.Key).Should().Contain("/apis/widgets.example.com/v1/widgets/{name}");
    }

    [TestCase("api/v1")]
    [TestCase("apis/apiextensions.k8s.io/v1")]
    [TestCase("apis/agents.airlock.dev/v1alpha1")]
    [TestCase("apis/networking.k8s.io/v1")]
    public void Every_reference_resolves_within_the_same_document(string path)
    {
        var document = Document(path);
        var names = document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToHashSet();

        var unresolved = References(document).Where(r => !r.StartsWith(SchemaNames.RefPrefix) || !names.Contains(r.Substring(SchemaNames.RefPrefix.Length)));

        References(document).Should().NotBeEmpty();
        unresolved.Should().BeEmpty();
    }

    [Test]
    public void Configmap_schema_is_named_like_the_api_server_and_carries_its_kind()
    {
        var schema = Schema(Document("api/v1"), "io.k8s.api.core.v1.ConfigMap");

        schema["x-kubernetes-group-version-kind"]!.ToJsonString().Should().Be("""[{"group":"","kind":"ConfigMap","version":"v1"}]""");
        schema["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>()
            .Should().Be("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    }

    [Test]
    public void Configmap_data_is_a_string_map_with_its_description()
    {
        var data = Schema(Document("api/v1"), "io.k8s.api.core.v1.ConfigMap")["properties"]!["data"]!;

        data["type"]!.GetValue<string>().Should().Be("object");
        data["additionalProperties"]!["type"]!.GetValue<string>().Should().Be("string");
        data["description"]!.GetValue<string>().Should().StartWith("Data contains the configuration data.");
    }

    [Test]
    public void Model_types_map_to_openapi_types_and_formats()
    {
        var document = Document("api/v1");
        var meta = Schema(document, "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")["properties"]!;
        var secret = Schema(document, "io.k8s.api.core.v1.Secret")["properties"]!;
        var port = Schema(document, "io.k8s.api.core.v1.ServicePort")["properties"]!;

        meta["creationTimestamp"]!["format"]!.GetValue<string>().Should().Be("date-time");
        meta["generation"]!["format"]!.GetValue<string>().Should().Be("int64");
        meta["finalizers"]!["items"]!["type"]!.GetValue<string>().Should().Be("string");
        secret["data"]!["additionalProperties"]!["format"]!.GetValue<string>().Should().Be("byte");
        port["port"]!["format"]!.GetValue<string>().Should().Be("int32");
        port["targetPort"]!["allOf"]![0]!["$ref"]!.GetValue<string>().Should().EndWith(SchemaNames.IntOrString);
        Schema(document, SchemaNames.IntOrString)["x-kubernetes-int-or-string"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public void Custom_resource_schema_comes_from_the_crd_with_standard_fields_filled_in()
    {
        var schema = Schema(Document("apis/agents.airlock.dev/v1alpha1"), "dev.airlock.agents.v1alpha1.AgentTask");

        schema["x-kubernetes-group-version-kind"]!.ToJsonString().Should().Be("""[{"group":"agents.airlock.dev","kind":"AgentTask","version":"v1alpha1"}]""");
        schema["properties"]!["spec"]!["properties"]!["image"]!["description"]!.GetValue<string>().Should().Be("Container image of the agent.");
        schema["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>().Should().EndWith(SchemaNames.ObjectMeta);
        schema["properties"]!["apiVersion"]!["type"]!.GetValue<string>().Should().Be("string");
    }

    [Test]
    public void Custom_resource_list_schema_refers_to_the_kind()
    {
        var list = Schema(Document("apis/agents.airlock.dev/v1alpha1"), "dev.airlock.agents.v1alpha1.AgentTaskList");

        list["properties"]!["items"]!["items"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/dev.airlock.agents.v1alpha1.AgentTask");
    }

    [Test]
    public void Hash_changes_when_a_crd_version_is_added_to_a_group_version()
    {
        IReadOnlyList<ResourceType> before = [.. BuiltinResources.All, SampleCrd.AgentTasks()];
        var widgetInSameGroup = SampleCrd.Widgets() with { Group = "agents.airlock.dev", Version = "v1alpha1" };
        IReadOnlyList<ResourceType> after = [.. before, widgetInSameGroup];

        UrlOf(_schemas.OpenApiV3Index(after), "apis/agents.airlock.dev/v1alpha1")
            .Should().NotBe(UrlOf(_schemas.OpenApiV3Index(before), "apis/agents.airlock.dev/v1alpha1"));
    }

    [Test]
    public void Hash_changes_when_a_crd_schema_changes()
    {
        var changed = SampleCrd.OpenApiV3Schema();
        changed["properties"]!["spec"]!["properties"]!["image"]!["description"] = "Changed.";

        UrlOf(_schemas.OpenApiV3Index([SampleCrd.AgentTasks(changed)]), "apis/agents.airlock.dev/v1alpha1")
            .Should().NotBe(UrlOf(_schemas.OpenApiV3Index([SampleCrd.AgentTasks()]), "apis/agents.airlock.dev/v1alpha1"));
    }

    [Test]
    public void Hash_is_stable_while_nothing_changes()
    {
        UrlOf(new SchemaService().OpenApiV3Index(Served), "api/v1").Should().Be(UrlOf(_schemas.OpenApiV3Index(Served), "api/v1"));
    }

    [Test]
    public void Adding_a_crd_adds_its_group_version_to_the_index()
    {
        var index = _schemas.OpenApiV3Index([.. Served, SampleCrd.Widgets()]);

        index["paths"]!.AsObject().Select(p => p.Key).Should().Contain("apis/widgets.example.com/v1");
    }

    [Test]
    public void Unknown_group_version_has_no_document()
    {
        _schemas.OpenApiV3Document("apis/nothing.example.com/v1", Served).Should().BeNull();
    }

    [Test]
    public void Schemas_lack_descriptions_but_still_generate_without_the_xml_documentation()
    {
        var service = new SchemaService(new ModelSchemaGenerator(new XmlDocComments("/nonexistent/KubernetesClient.xml")));

        var configMap = service.OpenApiV3Document("api/v1", Served)!["components"]!["schemas"]!["io.k8s.api.core.v1.ConfigMap"]!;

        configMap["properties"]!["data"]!["type"]!.GetValue<string>().Should().Be("object");
        configMap["properties"]!["data"]!["description"].Should().BeNull();
    }

    private static IEnumerable<string> ParameterNames(JsonNode operation) =>
        operation["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());

    private static string UrlOf(JsonObject index, string path) => index["paths"]![path]!["serverRelativeURL"]!.GetValue<string>();

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        // "properties" maps field names (JSONSchemaProps has a field called "$ref") to schemas.
        JsonObject obj => obj.SelectMany(p => p.Key switch
        {
            "$ref" when p.Value is JsonValue value => [value.GetValue<string>()],
            "properties" when p.Value is JsonObject properties => properties.SelectMany(f => References(f.Value)),
            _ => References(p.Value),
        }),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
