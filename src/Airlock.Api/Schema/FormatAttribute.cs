namespace Airlock.Api.Schema;

/// <summary>OpenAPI <c>format</c> (<c>date-time</c>, <c>int64</c>…).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FormatAttribute(string format) : Attribute
{
    public string Format { get; } = format;
}
