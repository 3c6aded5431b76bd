namespace Airlock.Guardrails.Injection;

/// <summary>Whether a text looks like a prompt injection, how strongly (score in [0, 1]) and why.</summary>
public sealed record InjectionVerdict(bool IsInjection, double Score, IReadOnlyList<string> Reasons)
{
    public static InjectionVerdict Clean { get; } = new(false, 0, []);
}
