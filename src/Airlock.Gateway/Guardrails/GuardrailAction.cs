namespace Airlock.Gateway.Guardrails;

/// <summary>What the gateway does when a guardrail fires: record it (audit + metric + anomaly count) or also refuse the call.</summary>
public enum GuardrailAction
{
    Flag = 0,
    Block = 1,
}
