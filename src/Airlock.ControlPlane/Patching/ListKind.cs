namespace Airlock.ControlPlane.Patching;

/// <summary>How a list merges: replaced whole, merged by key fields, or merged as a set of primitives.</summary>
public enum ListKind
{
    Atomic,
    Map,
    Set,
}
