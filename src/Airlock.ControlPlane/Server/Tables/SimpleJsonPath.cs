using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Airlock.ControlPlane.Server.Tables;

/// <summary>The JSONPath subset printer columns use: <c>.a.b</c>, <c>.a[0].b</c>, <c>.a[-1:].b</c>, <c>.a['x.y']</c>.</summary>
public static partial class SimpleJsonPath
{
    [GeneratedRegex(@"\.(?<field>[^.\[\]]+)|\[(?<index>-?\d+)\]|\[(?<slice>-?\d+):\]|\['(?<quoted>[^']*)'\]|\[""(?<dquoted>[^""]*)""\]")]
    private static partial Regex Step();

    /// <summary>Every value the path selects (empty when nothing matches).</summary>
    public static IReadOnlyList<JsonNode> Evaluate(JsonNode? root, string path)
    {
        var trimmed = path.Trim();
        if (trimmed.StartsWith('{') && trimmed.EndsWith('}')) trimmed = trimmed[1..^1];
        if (trimmed.StartsWith('$')) trimmed = trimmed[1..];
        var current = new List<JsonNode?> { root };
        foreach (Match m in Step().Matches(trimmed))
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                if (m.Groups["field"].Success || m.Groups["quoted"].Success || m.Groups["dquoted"].Success)
                {
                    var key = m.Groups["field"].Success ? m.Groups["field"].Value : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["dquoted"].Value;
                    if (node is JsonObject o && o[key] is { } child) next.Add(child);
                }
                else if (node is JsonArray a && a.Count > 0)
                {
                    if (m.Groups["index"].Success)
                    {
                        var i = int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                        if (i < 0) i += a.Count;
                        if (i >= 0 && i < a.Count) next.Add(a[i]);
                    }
                    else
                    {
                        var start = int.Parse(m.Groups["slice"].Value, System.Globalization.CultureInfo.InvariantCulture);
                        if (start < 0) start = Math.Max(0, start + a.Count);
                        for (var i = start; i < a.Count; i++) next.Add(a[i]);
                    }
                }
            }
            current = next;
        }
        return current.Where(n => n is not null).Select(n => n!).ToList();
    }
}
