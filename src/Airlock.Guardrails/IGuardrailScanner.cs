namespace Airlock.Guardrails;

/// <summary>Secret detection, redaction and prompt-injection detection: the code behind the gateway's guardrails and <c>airlock scan</c>.</summary>
public interface IGuardrailScanner
{
    ScanResult Scan(string text);
}
