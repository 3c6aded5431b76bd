namespace Airlock.Api.Schema;

/// <summary>Shortest allowed string (OpenAPI <c>minLength</c>).</summary>
/// <remarks>On a list property it constrains each item.</remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinLengthAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}
