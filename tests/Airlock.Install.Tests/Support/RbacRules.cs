using System.Text.Json.Nodes;

namespace Airlock.Install.Tests.Support;

/// <summary>Reads the rules of a rendered Role or ClusterRole.</summary>
public static class RbacRules
{
    /// <summary>Every field value containing <c>*</c>, as <c>rules[i].field: value</c>.</summary>
    public static IReadOnlyList<string> Wildcards(Manifest role)
    {
        var found = new List<string>();
        var rules = role.Root["rules"] as JsonArray ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var field in new[] { "apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs" })
            {
                foreach (var value in Strings(rules[i]?[field]))
                {
                    if (value.Contains('*', StringComparison.Ordinal)) found.Add($"rules[{i}].{field}: {value}");
                }
            }
        }
        return found;
    }

    /// <summary>Verbs per <c>group/resource</c> (core group as empty), merged over rules without resourceNames.</summary>
    public static IReadOnlyDictionary<string, string[]> Grants(Manifest role)
    {
        var grants = new Dictionary<string, List<string>>();
        foreach (var rule in (role.Root["rules"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (rule["resourceNames"] is not null) continue;
            foreach (var group in Strings(rule["apiGroups"]))
            {
                foreach (var resource in Strings(rule["resources"]))
                {
                    var key = $"{group}/{resource}";
                    if (!grants.TryGetValue(key, out var verbs)) grants[key] = verbs = [];
                    verbs.AddRange(Strings(rule["verbs"]).Where(v => !verbs.Contains(v)));
                }
            }
        }
        return grants.ToDictionary(g => g.Key, g => g.Value.ToArray());
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray list ? list.Select(n => (string?)n ?? "") : [];
}
