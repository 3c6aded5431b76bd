using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Server.Diagnostics;

/// <summary>How many requests the server has answered, by verb, resource (or non-resource path) and user.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<RequestKey, long> _counts = new();

    public void Count(string verb, string resource, string user) => _counts.AddOrUpdate(new RequestKey(verb, resource, user), 1, (_, n) => n + 1);

    /// <summary>The count for one combination; null arguments match anything.</summary>
    public long Get(string? verb = null, string? resource = null, string? user = null) =>
        _counts.Where(kv => (verb is null || kv.Key.Verb == verb) && (resource is null || kv.Key.Resource == resource) && (user is null || kv.Key.User == user))
            .Sum(kv => kv.Value);

    public IReadOnlyDictionary<RequestKey, long> Snapshot() => new Dictionary<RequestKey, long>(_counts);

    public void Reset() => _counts.Clear();

    public JsonObject ToJson() => new()
    {
        ["requests"] = new JsonArray(_counts.OrderBy(kv => kv.Key.Resource, StringComparer.Ordinal).ThenBy(kv => kv.Key.Verb, StringComparer.Ordinal)
            .Select(kv => (JsonNode)new JsonObject
            {
                ["verb"] = kv.Key.Verb,
                ["resource"] = kv.Key.Resource,
                ["user"] = kv.Key.User,
                ["count"] = kv.Value,
            }).ToArray()),
    };
}
