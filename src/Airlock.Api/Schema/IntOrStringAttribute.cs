namespace Airlock.Api.Schema;

/// <summary>The value is an integer or a string (<c>x-kubernetes-int-or-string</c>), e.g. a resource quantity.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IntOrStringAttribute : Attribute;
