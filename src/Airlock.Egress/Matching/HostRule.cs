namespace Airlock.Egress.Matching;

/// <summary>One host entry of a task: an exact name or, when <see cref="IsWildcard"/>, every name below <see cref="Name"/>.</summary>
public sealed record HostRule(string Name, bool IsWildcard, IReadOnlySet<int> Ports)
{
    /// <summary>The entry as a task writes it (<c>api.github.com</c>, <c>*.example.com</c>).</summary>
    public string Pattern => IsWildcard ? "*." + Name : Name;

    /// <summary>True when the normalised <paramref name="host"/> is this name, or one or more labels below it for a wildcard.</summary>
    public bool MatchesHost(string host) => IsWildcard
        ? host.Length > Name.Length + 1 && host.EndsWith(Name, StringComparison.Ordinal) && host[host.Length - Name.Length - 1] == '.'
        : string.Equals(host, Name, StringComparison.Ordinal);
}
