namespace Airlock.Api.Schema;

/// <summary>Longest allowed string (OpenAPI <c>maxLength</c>).</summary>
/// <remarks>On a list property it constrains each item.</remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxLengthAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}
