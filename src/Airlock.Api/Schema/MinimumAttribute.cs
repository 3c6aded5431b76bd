namespace Airlock.Api.Schema;

/// <summary>Inclusive lower bound of a number (OpenAPI <c>minimum</c>).</summary>
/// <remarks>On a list property it constrains each item.</remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}
