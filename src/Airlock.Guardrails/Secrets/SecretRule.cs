using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Secrets;

/// <summary>
/// One detector: a regex whose match (or its <c>val</c> group, when present) is the secret, an optional check that
/// rejects look-alikes, and a priority (lower wins) that decides which of two overlapping findings is kept.
/// </summary>
internal sealed record SecretRule(string Type, Regex Pattern, int Priority, Func<string, Match, bool>? Accept = null)
{
    public const string ValueGroup = "val";
}
