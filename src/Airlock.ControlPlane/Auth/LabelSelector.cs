using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Auth;

/// <summary>metav1.LabelSelector matching (matchLabels and matchExpressions), for ClusterRole aggregation.</summary>
internal static class LabelSelector
{
    /// <summary>True when <paramref name="labels"/> satisfy the selector; an empty selector matches everything, an unknown operator nothing.</summary>
    public static bool Matches(JsonNode? selector, JsonObject? labels)
    {
        string? Label(string key) => labels?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (JsonFields.Obj(selector, "matchLabels") is { } matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                if (Label(key) is not { } actual || value is not JsonValue expected || !expected.TryGetValue<string>(out var wanted) || actual != wanted)
                {
                    return false;
                }
            }
        }
        if (selector?["matchExpressions"] is JsonArray expressions)
        {
            foreach (var expression in expressions)
            {
                var actual = Label(JsonFields.Str(expression, "key"));
                var values = JsonFields.Strings(expression, "values");
                var ok = JsonFields.Str(expression, "operator") switch
                {
                    "In" => actual is not null && values.Contains(actual, StringComparer.Ordinal),
                    "NotIn" => actual is null || !values.Contains(actual, StringComparer.Ordinal),
                    "Exists" => actual is not null,
                    "DoesNotExist" => actual is null,
                    _ => false,
                };
                if (!ok) return false;
            }
        }
        return true;
    }
}
