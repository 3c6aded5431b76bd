namespace Airlock.ControlPlane.Patching;

/// <summary>What an object-valued field is: a struct (fixed fields), a map (arbitrary keys) or atomic (owned and replaced whole).</summary>
public enum ObjectKind
{
    Struct,
    Map,
    Atomic,
}
