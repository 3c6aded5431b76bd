using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Schema;

/// <summary>Schemas of every served kind: write-path checks and the OpenAPI v3 documents kubectl reads.</summary>
public interface ISchemaService
{
    /// <summary>
    /// Checks an incoming object against its kind's schema. Mutates <paramref name="obj"/> in place: applies defaults (custom
    /// resources) and removes unknown fields, returning their paths (<c>spec.foo</c>, as kubectl's "unknown field" message
    /// shows them) so the caller can refuse (Strict), warn (Warn) or ignore them. <see cref="SchemaCheckResult.Errors"/>
    /// are 422 Invalid causes.
    /// </summary>
    SchemaCheckResult Check(ResourceType type, JsonObject obj);

    /// <summary>Checks a CustomResourceDefinition itself (names, versions, structural schema) before it is stored.</summary>
    IReadOnlyList<FieldError> ValidateCustomResourceDefinition(JsonObject crd);

    /// <summary>The <c>GET /openapi/v3</c> index: <c>{"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=…"}}}</c>.</summary>
    JsonObject OpenApiV3Index(IReadOnlyList<ResourceType> served);

    /// <summary>The document for one group-version path (<c>api/v1</c>, <c>apis/agents.airlock.dev/v1alpha1</c>); null when unknown.</summary>
    JsonObject? OpenApiV3Document(string groupVersionPath, IReadOnlyList<ResourceType> served);
}

public sealed record SchemaCheckResult(IReadOnlyList<FieldError> Errors, IReadOnlyList<string> UnknownFields)
{
    public static readonly SchemaCheckResult Ok = new([], []);
}
