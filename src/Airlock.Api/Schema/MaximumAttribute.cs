namespace Airlock.Api.Schema;

/// <summary>Inclusive upper bound of a number (OpenAPI <c>maximum</c>).</summary>
/// <remarks>On a list property it constrains each item.</remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaximumAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}
