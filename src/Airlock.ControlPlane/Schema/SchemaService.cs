using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema.OpenApi;
using Airlock.ControlPlane.Schema.Validation;

namespace Airlock.ControlPlane.Schema;

/// <summary>Built-in schemas generated from the KubernetesClient models; custom resources from their CRD's structural schema.</summary>
public sealed class SchemaService : ISchemaService
{
    private readonly OpenApiPublisher _publisher;
    private readonly ObjectChecker _checker;

    public SchemaService()
        : this(ModelSchemaGenerator.Shared)
    {
    }

    public SchemaService(ModelSchemaGenerator generator)
    {
        var cel = new CelRules();
        _publisher = new OpenApiPublisher(new OpenApiDocumentBuilder(generator));
        _checker = new ObjectChecker(generator, cel);
    }

    public SchemaCheckResult Check(ResourceType type, JsonObject obj) => _checker.Check(type, obj);

    public IReadOnlyList<FieldError> ValidateCustomResourceDefinition(JsonObject crd) => [];

    public JsonObject OpenApiV3Index(IReadOnlyList<ResourceType> served) => _publisher.Index(served);

    public JsonObject? OpenApiV3Document(string groupVersionPath, IReadOnlyList<ResourceType> served) => _publisher.Document(groupVersionPath, served);
}
