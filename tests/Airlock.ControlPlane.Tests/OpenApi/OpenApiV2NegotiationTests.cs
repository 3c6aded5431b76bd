using Airlock.ControlPlane.Schema.OpenApi;
using Airlock.ControlPlane.Server.Endpoints;

namespace Airlock.ControlPlane.Tests.OpenApi;

public class OpenApiV2NegotiationTests
{
    private static readonly OpenApiV2Document Document = new(
        OpenApiRepresentation.Of([1], OpenApiV2Document.JsonType), OpenApiRepresentation.Of([2], OpenApiV2Document.ProtobufType));

    [TestCase("application/com.github.proto-openapi.spec.v2@v1.0+protobuf")]
    [TestCase("application/com.github.proto-openapi.spec.v2.v1.0+protobuf")]
    public void Either_protobuf_spelling_gets_protobuf(string accept)
    {
        OpenApiV2Endpoint.Negotiate(accept, Document).Should().BeSameAs(Document.Protobuf);
    }

    [TestCase("")]
    [TestCase("*/*")]
    [TestCase("application/*")]
    [TestCase("application/json")]
    public void No_preference_or_json_gets_json(string accept)
    {
        OpenApiV2Endpoint.Negotiate(accept, Document).Should().BeSameAs(Document.Json);
    }

    [Test]
    public void The_higher_quality_clause_wins()
    {
        OpenApiV2Endpoint.Negotiate("application/json;q=0.5, application/com.github.proto-openapi.spec.v2@v1.0+protobuf", Document)
            .Should().BeSameAs(Document.Protobuf);
    }

    [Test]
    public void An_unoffered_media_type_gets_nothing()
    {
        OpenApiV2Endpoint.Negotiate("text/html, application/json;q=0", Document).Should().BeNull();
    }
}
