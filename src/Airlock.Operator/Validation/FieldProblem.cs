namespace Airlock.Operator.Validation;

/// <summary>One thing wrong with an object: the field path (<c>spec.egress[2].host</c>) and what to do about it.</summary>
public sealed record FieldProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
