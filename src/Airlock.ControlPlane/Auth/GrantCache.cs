using System.Collections.Concurrent;

namespace Airlock.ControlPlane.Auth;

/// <summary>
/// The grants <see cref="RbacAuthorizer"/> found for a user in a namespace, valid while no Role, ClusterRole or binding
/// changed (the revisions it was built at). Bounded: cleared when it holds <see cref="MaxEntries"/> users.
/// </summary>
internal sealed class GrantCache(long[] revisions)
{
    public const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, CachedGrants> _entries = new(StringComparer.Ordinal);

    public bool IsCurrent(long[] revisions1) => revisions.AsSpan().SequenceEqual(revisions1);

    public CachedGrants GetOrAdd(UserInfo user, string @namespace, Func<CachedGrants> resolve)
    {
        var key = string.Join('\n', [user.Name, @namespace, .. user.Groups]);
        if (_entries.TryGetValue(key, out var cached)) return cached;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        return _entries[key] = resolve();
    }
}
