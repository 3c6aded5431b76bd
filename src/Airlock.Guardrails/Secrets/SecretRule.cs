using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Secrets;

/// <summary>
/// One detector: a regex whose match (or its <c>val</c> group, when present) is the secret, an optional check that
/// rejects look-alikes, a priority (lower wins) that decides which of two overlapping findings is kept, and its anchors:
/// literal pieces (any case) every match contains, so the rule only runs on a text that has one.
/// </summary>
internal sealed record SecretRule(string Type, Regex Pattern, int Priority, string[] Anchors, Func<string, Match, bool>? Accept = null)
{
    public const string ValueGroup = "val";
}
