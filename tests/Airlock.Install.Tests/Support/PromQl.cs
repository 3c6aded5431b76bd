using System.Text.RegularExpressions;

namespace Airlock.Install.Tests.Support;

/// <summary>Just enough PromQL reading to list the metric names an expression selects.</summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "sum", "max", "min", "avg", "count", "by", "without", "rate", "irate", "increase", "histogram_quantile", "absent",
        "clamp_min", "clamp_max", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "topk", "bottomk",
    };

    /// <summary>Histogram series names map back to the histogram (<c>_bucket</c>, <c>_sum</c>, <c>_count</c> stripped).</summary>
    public static IEnumerable<string> MetricNames(string expr)
    {
        var withoutStrings = Quoted().Replace(expr, "\"\"");
        var withoutMatchers = Braces().Replace(withoutStrings, "{}");
        var withoutRanges = Brackets().Replace(withoutMatchers, "[]");
        var withoutGroupings = Grouping().Replace(withoutRanges, "");
        foreach (Match m in Identifier().Matches(withoutGroupings))
        {
            var name = m.Value;
            if (Words.Contains(name)) continue;
            var after = withoutGroupings[(m.Index + m.Length)..].TrimStart();
            if (after.StartsWith('(')) continue;
            yield return HistogramSuffix().Replace(name, "");
        }
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSuffix();
}
