using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Auth;

/// <summary>An RBAC rule (rbac.authorization.k8s.io/v1 PolicyRule) and the API server's matching of a request against it.</summary>
public sealed record PolicyRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls)
{
    private const string All = "*";

    public static PolicyRule FromJson(JsonNode? rule) => new(
        JsonFields.Strings(rule, "verbs"),
        JsonFields.Strings(rule, "apiGroups"),
        JsonFields.Strings(rule, "resources"),
        JsonFields.Strings(rule, "resourceNames"),
        JsonFields.Strings(rule, "nonResourceURLs"));

    /// <summary>The rule as JSON, empty lists left out (as the API server serialises it).</summary>
    public JsonObject ToJson()
    {
        var rule = new JsonObject { ["verbs"] = JsonFields.Array(Verbs) };
        if (ApiGroups.Count > 0) rule["apiGroups"] = JsonFields.Array(ApiGroups);
        if (Resources.Count > 0) rule["resources"] = JsonFields.Array(Resources);
        if (ResourceNames.Count > 0) rule["resourceNames"] = JsonFields.Array(ResourceNames);
        if (NonResourceUrls.Count > 0) rule["nonResourceURLs"] = JsonFields.Array(NonResourceUrls);
        return rule;
    }

    /// <summary>True when this rule grants the request (rbac.RuleAllows).</summary>
    public bool Allows(AuthorizationAttributes request)
    {
        if (!Matches(Verbs, request.Verb)) return false;
        if (!request.IsResourceRequest) return NonResourceUrls.Any(url => UrlMatches(url, request.Path));
        var combined = request.Subresource.Length > 0 ? $"{request.Resource}/{request.Subresource}" : request.Resource;
        return Matches(ApiGroups, request.ApiGroup)
            && Resources.Any(r => ResourceMatches(r, combined, request.Subresource))
            && (ResourceNames.Count == 0 || ResourceNames.Contains(request.Name, StringComparer.Ordinal));
    }

    private static bool Matches(IReadOnlyList<string> allowed, string value)
    {
        foreach (var item in allowed)
        {
            if (item == All || item == value) return true;
        }
        return false;
    }

    // "*" matches everything, "pods/log" only that subresource, "*/scale" that subresource of any resource;
    // "pods" alone never grants a subresource.
    private static bool ResourceMatches(string rule, string combined, string subresource) =>
        rule == All || rule == combined || (subresource.Length > 0 && rule == $"*/{subresource}");

    // A trailing "*" is a prefix match ("/apis/*" covers "/apis/apps/v1"); "*" alone covers every path.
    private static bool UrlMatches(string rule, string path) =>
        rule == All || rule == path || (rule.EndsWith('*') && path.StartsWith(rule.TrimEnd('*'), StringComparison.Ordinal));
}
