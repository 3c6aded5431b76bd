namespace Airlock.Api.Schema;

/// <summary>Most allowed list items (OpenAPI <c>maxItems</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxItemsAttribute(long value) : Attribute
{
    public long Value { get; } = value;
}
