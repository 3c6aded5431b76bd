using Airlock.Runtime.Events;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>Holds the signal seal once the operator has loaded its key; until then no anomaly Event counts (fail closed).</summary>
public sealed class SignalSealSlot
{
    private volatile SignalSeal? _seal;

    public SignalSeal? Seal
    {
        get => _seal;
        set => _seal = value;
    }
}
