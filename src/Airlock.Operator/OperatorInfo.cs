namespace Airlock.Operator;

/// <summary>Identity of the operator as it appears in field managers, events and leases.</summary>
public static class OperatorInfo
{
    public const string FieldManager = "airlock-operator";
}
