namespace Airlock.ControlPlane.Storage.Selection;

/// <summary>The operators of label selector requirements.</summary>
public enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
