using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema.OpenApi;

namespace Airlock.ControlPlane.Schema;

/// <summary>Built-in schemas generated from the KubernetesClient models; custom resources from their CRD's structural schema.</summary>
public sealed class SchemaService : ISchemaService
{
    private readonly OpenApiPublisher _publisher;

    public SchemaService()
        : this(ModelSchemaGenerator.Shared)
    {
    }

    public SchemaService(ModelSchemaGenerator generator)
    {
        _publisher = new OpenApiPublisher(new OpenApiDocumentBuilder(generator));
    }

    public SchemaCheckResult Check(ResourceType type, JsonObject obj) => SchemaCheckResult.Ok;

    public IReadOnlyList<FieldError> ValidateCustomResourceDefinition(JsonObject crd) => [];

    public JsonObject OpenApiV3Index(IReadOnlyList<ResourceType> served) => _publisher.Index(served);

    public JsonObject? OpenApiV3Document(string groupVersionPath, IReadOnlyList<ResourceType> served) => _publisher.Document(groupVersionPath, served);
}
