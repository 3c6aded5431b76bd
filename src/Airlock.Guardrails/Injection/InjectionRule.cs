using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// One phrase-level detector: a pattern over a <see cref="TextViews"/> form, the words it cannot match without
/// (<see cref="Gate"/>), the family it evidences, how strongly (the probability it alone means injection) and the
/// reason shown to people. Discountable rules count for less when the match is quoted in prose about attacks; markup
/// rules (template tokens, role tags) also when they sit in a string literal in code, where prompt templates live.
/// </summary>
internal sealed record InjectionRule(string Family, double Weight, string Reason, Regex Pattern, RuleGate Gate, bool Discountable = true, bool Markup = false);
