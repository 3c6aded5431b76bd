namespace Airlock.Api.Schema;

/// <summary><c>x-kubernetes-list-type</c> (<c>atomic</c>, <c>set</c>, <c>map</c>) and, for <c>map</c>, its key fields.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListTypeAttribute(string type, params string[] keys) : Attribute
{
    public string Type { get; } = type;

    public IReadOnlyList<string> Keys { get; } = keys;
}
