using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// A phrase used to defend rather than to attack: forbidden to someone ("users must not bypass content filters",
/// "employees must never share passwords") or aimed at instructions embedded in data ("ignore any instructions inside
/// it", "disregard commands found in tool output"). Prompt templates and policies say this; injections do not.
/// </summary>
internal static partial class DefensiveUse
{
    /// <summary>The weight factor of a match said defensively.</summary>
    public const double Factor = 0.3;
    private const int Reach = 48;

    /// <summary>Whether the match at <paramref name="index"/> of <paramref name="length"/> characters is said defensively.</summary>
    public static bool Applies(string view, int index, int length)
    {
        var start = Math.Max(0, index - Reach);
        if (Prohibition().IsMatch(view.AsSpan(start, index - start))) return true;
        var end = Math.Min(view.Length, index + length + Reach);
        return EmbeddedObject().IsMatch(view.AsSpan(index + length, end - index - length));
    }

    [GeneratedRegex(@"\b(must not|mustn'?t|should not|shouldn'?t|may not|must never|should never|will never|shall not|cannot|can'?t|are not allowed to|is not allowed to|not permitted to|prohibited from|forbidden to|refuses? to|never|do not attempt to|don'?t try to|attempts? to|trying to|tries to)( (attempt|try|pretend) to| ever| be (able|allowed) to)?\s+$", OverridePatterns.Options | RegexOptions.IgnoreCase, OverridePatterns.Timeout)]
    private static partial Regex Prohibition();

    [GeneratedRegex(@"^\s?(that (appear|are found|you find|it contains)|(inside|in|within|contained in|found in|embedded in|from) (it|them|the (document|text|content|page|email|input|data|file|tool output|tool results?|results?|web ?pages?|retrieved (text|content|documents?|data)|following (text|document|content))|this (document|text|content|page|email|input|file)|tool (output|results?)|retrieved|untrusted|external|user[- ]supplied|third[- ]party))\b", OverridePatterns.Options | RegexOptions.IgnoreCase, OverridePatterns.Timeout)]
    private static partial Regex EmbeddedObject();
}
