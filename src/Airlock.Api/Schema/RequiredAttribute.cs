namespace Airlock.Api.Schema;

/// <summary>The field must be present (listed in the parent's OpenAPI <c>required</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
