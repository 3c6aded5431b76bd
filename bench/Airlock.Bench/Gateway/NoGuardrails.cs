using Airlock.Guardrails;

namespace Airlock.Bench.Gateway;

/// <summary>A scanner that finds nothing, for the gateway variant that shows what the rest of the path costs.</summary>
public sealed class NoGuardrails : IGuardrailScanner
{
    public ScanResult Scan(string text) => new(false, 0, [], [], text);
}
