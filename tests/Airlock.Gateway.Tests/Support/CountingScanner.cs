using Airlock.Guardrails;

namespace Airlock.Gateway.Tests.Support;

/// <summary>The <see cref="TestScanner"/> rules, counting the texts it is asked to scan.</summary>
public sealed class CountingScanner : IGuardrailScanner
{
    private readonly TestScanner _rules = new();
    private readonly List<string> _scanned = [];

    public IReadOnlyList<string> Scanned
    {
        get
        {
            lock (_scanned) return [.. _scanned];
        }
    }

    public ScanResult Scan(string text)
    {
        lock (_scanned) _scanned.Add(text);
        return _rules.Scan(text);
    }
}
