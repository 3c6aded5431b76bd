using System.Text;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// Serves <c>/openapi/v2</c>: the Swagger 2.0 document of every served kind, built from the v3 group-version documents and
/// encoded as JSON and as gnostic protobuf. Rebuilt only when a v3 document changes (the v3 index's hashes are the
/// fingerprint), so repeated requests cost one index lookup.
/// </summary>
public sealed class OpenApiV2Publisher(ISchemaService schemas)
{
    private readonly Lock _gate = new();
    private string? _fingerprint;
    private OpenApiV2Document? _document;

    public OpenApiV2Document Get(IReadOnlyList<ResourceType> served)
    {
        var index = schemas.OpenApiV3Index(served);
        var fingerprint = index.ToJsonString();
        lock (_gate)
        {
            if (_document is not null && _fingerprint == fingerprint) return _document;
        }
        var paths = (index["paths"] as JsonObject ?? []).Select(p => p.Key).ToList();
        var swagger = SwaggerDocumentBuilder.Build(paths.Select(p => schemas.OpenApiV3Document(p, served)).OfType<JsonObject>());
        var document = new OpenApiV2Document(
            OpenApiRepresentation.Of(Encoding.UTF8.GetBytes(swagger.ToJsonString()), OpenApiV2Document.JsonType),
            OpenApiRepresentation.Of(SwaggerProtobuf.Encode(swagger), OpenApiV2Document.ProtobufType));
        lock (_gate)
        {
            (_fingerprint, _document) = (fingerprint, document);
        }
        return document;
    }
}
