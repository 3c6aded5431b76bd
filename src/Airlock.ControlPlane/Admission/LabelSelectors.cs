using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Admission;

/// <summary>metav1.LabelSelector evaluation (matchLabels and matchExpressions In, NotIn, Exists, DoesNotExist).</summary>
public static class LabelSelectors
{
    /// <summary>True when <paramref name="selector"/> is absent or empty (it selects everything).</summary>
    public static bool IsEmpty(JsonObject? selector) =>
        selector is null
        || ((selector["matchLabels"] as JsonObject)?.Count ?? 0) == 0 && ((selector["matchExpressions"] as JsonArray)?.Count ?? 0) == 0;

    /// <summary>Whether <paramref name="labels"/> satisfy <paramref name="selector"/>.</summary>
    /// <exception cref="FormatException">The selector uses an unknown operator or lacks values where they are required.</exception>
    public static bool Matches(JsonObject? selector, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (selector is null) return true;
        if (selector["matchLabels"] is JsonObject matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                if (!labels.TryGetValue(key, out var actual) || actual != (string?)value) return false;
            }
        }
        if (selector["matchExpressions"] is JsonArray expressions)
        {
            foreach (var expression in expressions.OfType<JsonObject>())
            {
                if (!ExpressionMatches(expression, labels)) return false;
            }
        }
        return true;
    }

    /// <summary>The labels of an object (metadata.labels), empty when it has none.</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(JsonObject? obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj?["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text)) labels[key] = text;
            }
        }
        return labels;
    }

    private static bool ExpressionMatches(JsonObject expression, IReadOnlyDictionary<string, string> labels)
    {
        var key = (string?)expression["key"] ?? throw new FormatException("matchExpressions[].key is required");
        var values = (expression["values"] as JsonArray)?.Select(v => (string?)v).OfType<string>().ToList() ?? [];
        var present = labels.TryGetValue(key, out var actual);
        return (string?)expression["operator"] switch
        {
            "In" when values.Count > 0 => present && values.Contains(actual!),
            "NotIn" when values.Count > 0 => !present || !values.Contains(actual!),
            "Exists" => present,
            "DoesNotExist" => !present,
            var op => throw new FormatException($"invalid label selector operator \"{op}\" for key \"{key}\""),
        };
    }
}
