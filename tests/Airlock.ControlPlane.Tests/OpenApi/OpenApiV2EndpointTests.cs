using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Schema.OpenApi;
using Airlock.Testing;

namespace Airlock.ControlPlane.Tests.OpenApi;

/// <summary><c>GET /openapi/v2</c> on the wire: content negotiation, ETag revalidation and who may read it.</summary>
public class OpenApiV2EndpointTests
{
    private ListFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _fixture = await ListFixture.StartAsync();

    private async Task<HttpResponseMessage> GetAsync(string? accept, string? user = "admin", string? ifNoneMatch = null)
    {
        using var http = ApiHttp.Create(_fixture.Cluster, user);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v2");
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await http.SendAsync(request);
    }

    [Test]
    public async Task Kubectls_accept_header_gets_the_protobuf_document()
    {
        using var response = await GetAsync(OpenApiV2Document.ProtobufTypeDeprecated);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(OpenApiV2Document.ProtobufType);
        (await response.Content.ReadAsByteArrayAsync()).Take(5).Should().Equal(0x0A, 3, (byte)'2', (byte)'.', (byte)'0'); // field 1: "2.0"
    }

    [Test]
    public async Task No_accept_header_gets_json_with_the_custom_kinds_installed()
    {
        using var response = await GetAsync(null);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        document["definitions"]!["dev.airlock.agents.v1alpha1.AgentTask"].Should().NotBeNull();
    }

    [Test]
    public async Task An_unoffered_media_type_gets_406()
    {
        using var response = await GetAsync("text/html");

        response.StatusCode.Should().Be(HttpStatusCode.NotAcceptable);
    }

    [Test]
    public async Task Responses_vary_on_accept_and_must_be_revalidated()
    {
        using var response = await GetAsync(null);

        response.Headers.Vary.Should().Contain("Accept");
        response.Headers.CacheControl!.ToString().Should().Be("no-cache, private");
    }

    [Test]
    public async Task A_matching_if_none_match_gets_304_without_a_body()
    {
        using var first = await GetAsync(OpenApiV2Document.ProtobufTypeDeprecated);
        var etag = first.Headers.ETag!.ToString();

        using var second = await GetAsync(OpenApiV2Document.ProtobufTypeDeprecated, ifNoneMatch: etag);

        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task Json_and_protobuf_have_different_etags()
    {
        using var json = await GetAsync("application/json");
        using var protobuf = await GetAsync(OpenApiV2Document.ProtobufTypeDeprecated);

        json.Headers.ETag.Should().NotBe(protobuf.Headers.ETag);
    }

    [Test]
    public async Task Any_authenticated_user_may_read_it_through_system_discovery()
    {
        using var response = await GetAsync(OpenApiV2Document.ProtobufTypeDeprecated, user: "alice");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_anonymous_request_is_refused()
    {
        using var response = await GetAsync(OpenApiV2Document.ProtobufTypeDeprecated, user: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
