namespace Airlock.Gateway.Anomaly;

/// <summary>The kinds of anomaly the gateway signals (also the <c>kind</c> label and the Event reason suffix).</summary>
public enum AnomalyKind
{
    RequestSpike = 0,
    TokenSpike = 1,
    RepeatedGuardrailHits = 2,
    BudgetExhausted = 3,
}
