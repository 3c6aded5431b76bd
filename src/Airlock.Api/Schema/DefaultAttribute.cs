namespace Airlock.Api.Schema;

/// <summary>
/// The value the API server fills in when the field is absent (OpenAPI <c>default</c>). Give it as JSON
/// (<c>"\"1h\""</c>, <c>"300"</c>, <c>"[443]"</c>) so every type is written the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}
