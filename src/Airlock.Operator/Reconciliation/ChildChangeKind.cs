namespace Airlock.Operator.Reconciliation;

/// <summary>What to do with one child.</summary>
public enum ChildChangeKind
{
    Create,
    Patch,
}
