namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>The <c>/openapi/v2</c> document in both encodings the API server offers.</summary>
public sealed record OpenApiV2Document(OpenApiRepresentation Json, OpenApiRepresentation Protobuf)
{
    public const string JsonType = "application/json";

    /// <summary>The media type kubectl asks for (and the one the API server answers with for either protobuf spelling).</summary>
    public const string ProtobufType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    /// <summary>The older spelling of <see cref="ProtobufType"/>, the one kubectl and client-go send in <c>Accept</c>.</summary>
    public const string ProtobufTypeDeprecated = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
}
