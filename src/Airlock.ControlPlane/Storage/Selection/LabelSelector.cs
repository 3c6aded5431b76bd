using System.Text.RegularExpressions;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Storage.Selection;

/// <summary>A parsed label selector (<c>a=b,c!=d,e in (f,g),h notin (i),j,!k</c>); every requirement must hold.</summary>
public sealed partial class LabelSelector
{
    private readonly IReadOnlyList<LabelRequirement> _requirements;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    [GeneratedRegex(@"^\s*(?<key>[^\s!=(),]+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)\s*$")]
    private static partial Regex SetRequirement();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$")]
    private static partial Regex KeyOrValue();

    /// <summary>Parses the <c>labelSelector</c> query parameter; throws 400 BadRequest for a malformed one.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var requirements = new List<LabelRequirement>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim()));
        }
        return new LabelSelector(requirements);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    private static LabelRequirement ParseRequirement(string text)
    {
        if (text.Length == 0) throw Invalid(text, "empty requirement");
        if (SetRequirement().Match(text) is { Success: true } set)
        {
            var values = set.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries).Where(v => v.Length > 0).ToArray();
            foreach (var v in values) CheckValue(text, v);
            var key = CheckKey(text, set.Groups["key"].Value);
            return new LabelRequirement(key, set.Groups["op"].Value == "in" ? LabelOperator.In : LabelOperator.NotIn, values);
        }
        if (text.StartsWith('!'))
        {
            return new LabelRequirement(CheckKey(text, text[1..].Trim()), LabelOperator.DoesNotExist, []);
        }
        foreach (var (token, op) in new[] { ("!=", LabelOperator.NotEquals), ("==", LabelOperator.Equals), ("=", LabelOperator.Equals) })
        {
            var at = text.IndexOf(token, StringComparison.Ordinal);
            if (at < 0) continue;
            var key = CheckKey(text, text[..at].Trim());
            var value = text[(at + token.Length)..].Trim();
            CheckValue(text, value);
            return new LabelRequirement(key, op, [value]);
        }
        return new LabelRequirement(CheckKey(text, text), LabelOperator.Exists, []);
    }

    private static string CheckKey(string requirement, string key)
    {
        if (key.Length == 0 || !KeyOrValue().IsMatch(key)) throw Invalid(requirement, $"invalid label key \"{key}\"");
        return key;
    }

    private static void CheckValue(string requirement, string value)
    {
        if (value.Length > 0 && !KeyOrValue().IsMatch(value)) throw Invalid(requirement, $"invalid label value: \"{value}\"");
    }

    private static ApiError Invalid(string requirement, string why) =>
        ApiError.BadRequest($"unable to parse requirement: {why} in \"{requirement}\"");

    /// <summary>Splits on commas that are not inside a parenthesised value set.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}
