using System.Net;

namespace Airlock.Egress.Matching;

/// <summary>
/// One step of the proxy's decision: refuse (with <see cref="DenyReason"/>), resolve <see cref="ResolveName"/> first,
/// or connect to exactly <see cref="Address"/>.
/// </summary>
public sealed record EgressDecision(string? DenyReason, string? ResolveName, IPAddress? Address)
{
    public bool Denied => DenyReason is not null;

    /// <summary>The normalised name that was checked and resolved (null for IP literals): what goes upstream as Host.</summary>
    public string? CheckedName { get; init; }

    public static EgressDecision Deny(string reason) => new(reason, null, null);

    public static EgressDecision Resolve(string name) => new(null, name, null);

    public static EgressDecision Connect(IPAddress address) => new(null, null, address);
}
