namespace Airlock.Api.Schema;

/// <summary>Fewest allowed list items (OpenAPI <c>minItems</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinItemsAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}
