using System.Globalization;
using System.Text.Json;

namespace Airlock.Guardrails.Reporting;

/// <summary>
/// How <c>airlock scan</c> prints a <see cref="ScanResult"/>: the JSON document
/// <c>{"injection", "score", "reasons", "secrets": [{"type", "start", "end"}], "redacted"}</c> or a readable summary.
/// </summary>
public static class ScanReport
{
    public static string ToJson(ScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("injection", result.Injection);
            json.WriteNumber("score", result.Score);
            json.WriteStartArray("reasons");
            foreach (var reason in result.Reasons) json.WriteStringValue(reason);
            json.WriteEndArray();
            json.WriteStartArray("secrets");
            foreach (var secret in result.Secrets)
            {
                json.WriteStartObject();
                json.WriteString("type", secret.Type);
                json.WriteNumber("start", secret.Start);
                json.WriteNumber("end", secret.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("redacted", result.Redacted);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string ToText(ScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"injection: {(result.Injection ? "yes" : "no")} (score {result.Score:0.000})"),
        };
        lines.AddRange(result.Reasons.Select(r => $"  - {r}"));
        lines.Add(result.Secrets.Count == 0 ? "secrets: none" : $"secrets: {result.Secrets.Count}");
        lines.AddRange(result.Secrets.Select(s => string.Create(CultureInfo.InvariantCulture, $"  - {s.Type} at [{s.Start}, {s.End})")));
        if (result.Secrets.Count > 0)
        {
            lines.Add("redacted:");
            lines.Add(result.Redacted);
        }
        return string.Join('\n', lines);
    }

    /// <summary>Reads the whole input, scans it and writes the report: the body of <c>airlock scan</c>.</summary>
    public static int Run(TextReader input, TextWriter output, bool json, IGuardrailScanner? scanner = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var result = (scanner ?? GuardrailScanner.Default).Scan(input.ReadToEnd());
        output.WriteLine(json ? ToJson(result) : ToText(result));
        return 0;
    }
}
