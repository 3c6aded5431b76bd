namespace Airlock.Api.Schema;

/// <summary>The string must match this ECMA-262 regular expression (OpenAPI <c>pattern</c>).</summary>
/// <remarks>On a list property it constrains each item.</remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string regex) : Attribute
{
    public string Regex { get; } = regex;
}
