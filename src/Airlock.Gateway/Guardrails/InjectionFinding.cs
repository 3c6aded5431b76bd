namespace Airlock.Gateway.Guardrails;

/// <summary>The injection verdict on one text: whether it crosses the threshold, its score in [0, 1] and the reasons.</summary>
public sealed record InjectionFinding(bool Injection, double Score, IReadOnlyList<string> Reasons)
{
    public static InjectionFinding Clean { get; } = new(false, 0, []);
}
