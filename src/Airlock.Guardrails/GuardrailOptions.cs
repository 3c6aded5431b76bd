using Airlock.Guardrails.Injection;

namespace Airlock.Guardrails;

/// <summary>How the scanner decides: the injection score at or above which a text counts as an injection.</summary>
public sealed record GuardrailOptions
{
    public double InjectionThreshold { get; init; } = InjectionDetector.DefaultThreshold;
}
