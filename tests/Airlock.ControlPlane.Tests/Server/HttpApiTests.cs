using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Testing;

namespace Airlock.ControlPlane.Tests.Server;

public class HttpApiTests : SharedClusterFixture
{

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Test]
    public async Task Request_without_a_token_is_401_Status()
    {
        using var http = ApiHttp.Create(Cluster, user: null);
        using var response = await http.GetAsync("/api/v1/namespaces");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await BodyAsync(response))["kind"]!.GetValue<string>().Should().Be("Status");
    }

    [TestCase("/healthz")]
    [TestCase("/livez")]
    [TestCase("/readyz")]
    public async Task Health_endpoints_answer_without_credentials(string path)
    {
        using var http = ApiHttp.Create(Cluster, user: null);
        using var response = await http.GetAsync(path);
        (await response.Content.ReadAsStringAsync()).Should().Be("ok");
    }

    [Test]
    public async Task Discovery_lists_subresources_with_their_verbs()
    {
        using var http = ApiHttp.Create(Cluster);
        var list = await BodyAsync(await http.GetAsync("/api/v1"));
        var status = list["resources"]!.AsArray().OfType<JsonObject>().Single(r => r["name"]!.GetValue<string>() == "pods/status");
        status["verbs"]!.AsArray().Select(v => v!.GetValue<string>()).Should().BeEquivalentTo("get", "patch", "update");
    }

    [Test]
    public async Task Missing_object_is_a_NotFound_Status()
    {
        using var http = ApiHttp.Create(Cluster);
        using var response = await http.GetAsync("/api/v1/namespaces/default/configmaps/does-not-exist");
        var status = await BodyAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        status["reason"]!.GetValue<string>().Should().Be("NotFound");
        status["message"]!.GetValue<string>().Should().Be("configmaps \"does-not-exist\" not found");
    }

    [Test]
    public async Task Malformed_json_is_a_400_with_the_parser_message()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        using var http = ApiHttp.Create(Cluster);
        using var response = await http.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Json("{\"metadata\": {"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await BodyAsync(response))["message"]!.GetValue<string>().Should().Contain("not valid JSON");
    }

    [Test]
    public async Task Body_over_3_MiB_is_413()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        using var http = ApiHttp.Create(Cluster);
        var big = new string('x', (3 * 1024 * 1024) + 10);
        using var response = await http.PostAsync($"/api/v1/namespaces/{ns}/configmaps",
            Json($"{{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{{\"name\":\"big\"}},\"data\":{{\"k\":\"{big}\"}}}}"));
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Strict_field_validation_refuses_duplicate_fields()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        using var http = ApiHttp.Create(Cluster);
        using var response = await http.PostAsync($"/api/v1/namespaces/{ns}/configmaps?fieldValidation=Strict",
            Json("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"dup\"},\"data\":{\"a\":\"1\",\"a\":\"2\"}}"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await BodyAsync(response))["message"]!.GetValue<string>().Should().Contain("strict decoding error").And.Contain("duplicate field \"data.a\"");
    }

    [Test]
    public async Task Warn_field_validation_answers_with_a_warning_header()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        using var http = ApiHttp.Create(Cluster);
        using var response = await http.PostAsync($"/api/v1/namespaces/{ns}/configmaps?fieldValidation=Warn",
            Json("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"dup\"},\"data\":{\"a\":\"1\",\"a\":\"2\"}}"));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.GetValues("Warning").Should().ContainMatch("*duplicate field*data.a*");
    }

    [Test]
    public async Task Table_output_has_name_and_age_columns_and_metadata_rows()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        using var http = ApiHttp.Create(Cluster);
        (await http.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Json("{\"metadata\":{\"name\":\"t\"}}"))).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        var table = await BodyAsync(await http.SendAsync(request));
        table["kind"]!.GetValue<string>().Should().Be("Table");
        table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal("Name", "Age");
        table["rows"]![0]!["object"]!["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
    }

    [Test]
    public async Task Yaml_bodies_are_accepted()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        using var http = ApiHttp.Create(Cluster);
        var yaml = new StringContent("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  n: \"1\"\n", Encoding.UTF8, "application/yaml");
        using var response = await http.PostAsync($"/api/v1/namespaces/{ns}/configmaps", yaml);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
