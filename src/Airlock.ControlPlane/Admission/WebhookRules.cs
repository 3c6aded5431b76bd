using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Admission;

/// <summary>
/// admissionregistration.k8s.io/v1 RuleWithOperations matching, as the API server does it: operations and
/// <c>*</c>; apiGroups and apiVersions with <c>*</c>; resources <c>pods</c>, <c>pods/status</c>, <c>pods/*</c>,
/// <c>*</c> (main resources only) and <c>*/*</c>; scope Cluster, Namespaced or <c>*</c>.
/// </summary>
public static class WebhookRules
{
    /// <summary>True when any rule in <paramref name="rules"/> matches the request.</summary>
    public static bool AnyMatches(JsonArray? rules, AdmissionAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return rules is not null && rules.OfType<JsonObject>().Any(rule => Matches(rule, attributes));
    }

    public static bool Matches(JsonObject rule, AdmissionAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(attributes);
        return ContainsOrStar(rule["operations"], attributes.Operation)
            && ContainsOrStar(rule["apiGroups"], attributes.Type.Group)
            && ContainsOrStar(rule["apiVersions"], attributes.Type.Version)
            && ResourceMatches(rule["resources"], attributes.Type.Resource, attributes.Subresource ?? "")
            && ScopeMatches((string?)rule["scope"], attributes.Namespace);
    }

    private static bool ContainsOrStar(JsonNode? list, string value) =>
        Strings(list).Any(item => item == "*" || item == value);

    private static bool ResourceMatches(JsonNode? resources, string resource, string subresource)
    {
        foreach (var entry in Strings(resources))
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var (res, sub) = slash < 0 ? (entry, "") : (entry[..slash], entry[(slash + 1)..]);
            if ((res == "*" || res == resource) && (sub == "*" || sub == subresource)) return true;
        }
        return false;
    }

    private static bool ScopeMatches(string? scope, string? @namespace) => scope switch
    {
        null or "" or "*" => true,
        "Cluster" => string.IsNullOrEmpty(@namespace),
        "Namespaced" => !string.IsNullOrEmpty(@namespace),
        _ => false,
    };

    private static IEnumerable<string> Strings(JsonNode? list) =>
        list is JsonArray array ? array.Select(n => n?.GetValue<string>()).OfType<string>() : [];
}
