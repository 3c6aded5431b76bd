using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Schema.Crd;
using Airlock.ControlPlane.Schema.OpenApi;
using Airlock.ControlPlane.Schema.Validation;

namespace Airlock.ControlPlane.Schema;

/// <summary>Built-in schemas generated from the KubernetesClient models; custom resources from their CRD's structural schema.</summary>
public sealed class SchemaService : ISchemaService
{
    private readonly OpenApiPublisher _publisher;
    private readonly ObjectChecker _checker;
    private readonly CrdValidator _crdValidator;

    public SchemaService()
        : this(ModelSchemaGenerator.Shared)
    {
    }

    public SchemaService(ModelSchemaGenerator generator)
    {
        var cel = new CelRules();
        _publisher = new OpenApiPublisher(new OpenApiDocumentBuilder(generator));
        _checker = new ObjectChecker(generator, cel);
        _crdValidator = new CrdValidator(new StructuralSchemaRules(cel));
    }

    public SchemaCheckResult Check(ResourceType type, JsonObject obj) => _checker.Check(type, obj);

    /// <remarks>Defaults <c>spec.names.singular</c> and <c>spec.names.listKind</c> in place, as the API server does before validating.</remarks>
    public IReadOnlyList<FieldError> ValidateCustomResourceDefinition(JsonObject crd) => _crdValidator.Validate(crd);

    public JsonObject OpenApiV3Index(IReadOnlyList<ResourceType> served) => _publisher.Index(served);

    public JsonObject? OpenApiV3Document(string groupVersionPath, IReadOnlyList<ResourceType> served) => _publisher.Document(groupVersionPath, served);
}
