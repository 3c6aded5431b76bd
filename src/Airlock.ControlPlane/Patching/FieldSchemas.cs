using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Patching;

/// <summary>Picks the merge schema of a resource type: the built-in table or the CRD's OpenAPI schema.</summary>
public static class FieldSchemas
{
    public static IFieldSchema For(ResourceType type) =>
        type.IsCustom ? new CustomFieldSchema(type.CustomSchema) : BuiltinSchemas.For(type.Group, type.Kind);
}
