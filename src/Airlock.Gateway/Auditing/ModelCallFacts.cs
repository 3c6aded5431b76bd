using Airlock.Gateway.Guardrails;

namespace Airlock.Gateway.Auditing;

/// <summary>Everything one model call leaves in the audit log (text already redacted).</summary>
public sealed record ModelCallFacts
{
    public required string Namespace { get; init; }

    public required string Task { get; init; }

    public string? Pod { get; init; }

    public required string Route { get; init; }

    public string? Provider { get; init; }

    public string? Model { get; init; }

    public bool Stream { get; init; }

    public int Status { get; init; }

    /// <summary>The refusal code when the gateway refused (<c>model_not_allowed</c>, <c>budget_exhausted</c>…).</summary>
    public string? Refusal { get; init; }

    /// <summary>Why an answered call failed after its status line was sent (<c>upstream_stream_broken</c>).</summary>
    public string? Error { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public double LatencyMs { get; init; }

    public string Prompt { get; init; } = "";

    public string Completion { get; init; } = "";

    public IReadOnlyList<(string Name, string Arguments)> ToolCalls { get; init; } = [];

    public GuardrailVerdict Guardrails { get; init; } = GuardrailVerdict.None;
}
