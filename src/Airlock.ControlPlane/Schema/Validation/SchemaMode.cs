namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>How strictly a schema node is applied.</summary>
public enum SchemaMode
{
    /// <summary>A custom resource's structural schema: nullable, defaults, value validations and CEL rules apply.</summary>
    Structural,

    /// <summary>A schema generated from a built-in model: only field names and types are checked; null is always accepted.</summary>
    Builtin,
}
