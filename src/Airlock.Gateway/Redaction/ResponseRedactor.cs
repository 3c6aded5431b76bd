using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Gateway.Guardrails;
using Airlock.Guardrails.Secrets;

namespace Airlock.Gateway.Redaction;

/// <summary>
/// Redacts secrets from a whole (non-streamed) provider response before the agent sees it. Every string value of the JSON
/// body is searched in one scan, each on a line of its own after its property name (so <c>{"password": "…"}</c> in a tool
/// call's input reads as an assignment); the body is rewritten only when something was found. A body that is not JSON is
/// searched as text.
/// </summary>
public static class ResponseRedactor
{
    /// <summary>Strings shorter than this cannot hold a secret any rule knows (the shortest, a URL credential, needs 9).</summary>
    public const int MinLength = 8;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The body to send and the secret types cut out of it (empty, and the same body, when it was clean). Null when a secret
    /// was found but the body could not be rewritten (the caller refuses to pass it on).
    /// </summary>
    public static (ReadOnlyMemory<byte> Body, IReadOnlyList<string> SecretTypes)? Redact(ReadOnlyMemory<byte> body, GuardrailEngine engine)
    {
        var combined = new StringBuilder();
        var values = new List<(int Start, int End)>();
        try
        {
            Collect(body.Span, combined, values);
        }
        catch (JsonException)
        {
            return RedactText(body, engine);
        }
        if (values.Count == 0) return (body, []);
        var text = combined.ToString();
        var findings = engine.FindSecrets(text);
        if (findings.Count == 0) return (body, []);

        var replacements = new Dictionary<int, string>();
        for (var i = 0; i < values.Count; i++)
        {
            var (start, end) = values[i];
            if (SpanRedaction.Apply(text[start..end], start, findings, markContinued: true) is { } redacted) replacements[i] = redacted;
        }
        if (replacements.Count == 0) return (body, []);
        try
        {
            var root = JsonNode.Parse(body.Span)!;
            var ordinal = 0;
            Rewrite(root, replacements, ref ordinal);
            if (ordinal != values.Count) return null;
            return (Encoding.UTF8.GetBytes(root.ToJsonString(Relaxed)), GuardrailCheck.Types(findings));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Every string value (in document order) long enough to matter, as <c>name: value</c> lines.</summary>
    private static void Collect(ReadOnlySpan<byte> json, StringBuilder combined, List<(int Start, int End)> values)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.String:
                    var value = reader.GetString()!;
                    if (value.Length >= MinLength)
                    {
                        combined.Append(property).Append(": ");
                        values.Add((combined.Length, combined.Length + value.Length));
                        combined.Append(value).Append('\n');
                    }
                    property = null;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    break;
                default:
                    property = null;
                    break;
            }
        }
    }

    /// <summary>Puts the replacements back, counting string values in the same order as <see cref="Collect"/>.</summary>
    private static void Rewrite(JsonNode node, Dictionary<int, string> replacements, ref int ordinal)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (obj[name] is { } child && Replace(child, replacements, ref ordinal) is { } text) obj[name] = text;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child && Replace(child, replacements, ref ordinal) is { } text) array[i] = text;
                }
                break;
        }
    }

    /// <summary>The replacement of a string value, or null (after descending into a container).</summary>
    private static string? Replace(JsonNode node, Dictionary<int, string> replacements, ref int ordinal)
    {
        if (node is not JsonValue value)
        {
            Rewrite(node, replacements, ref ordinal);
            return null;
        }
        if (value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Length < MinLength) return null;
        return replacements.TryGetValue(ordinal++, out var redacted) ? redacted : null;
    }

    private static (ReadOnlyMemory<byte>, IReadOnlyList<string>) RedactText(ReadOnlyMemory<byte> body, GuardrailEngine engine)
    {
        var text = Encoding.UTF8.GetString(body.Span);
        var findings = engine.FindSecrets(text);
        if (findings.Count == 0) return (body, []);
        return (Encoding.UTF8.GetBytes(SecretRedactor.Redact(text, findings)), GuardrailCheck.Types(findings));
    }
}
