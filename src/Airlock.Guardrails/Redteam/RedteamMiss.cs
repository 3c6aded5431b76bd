namespace Airlock.Guardrails.Redteam;

/// <summary>A sample the scanner judged wrongly: an attack it missed or a benign text it flagged.</summary>
public sealed record RedteamMiss(string Family, string Text, bool IsAttack, double Score);
