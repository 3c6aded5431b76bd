using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Gateway.Guardrails;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Parses a model-call body (OpenAI chat or embeddings, Anthropic messages) into a <see cref="ModelRequest"/>: one
/// <see cref="PromptPart"/> per message content and per tool call, read from a <see cref="JsonDocument"/> (no object tree).
/// A streamed OpenAI chat that did not ask for usage gets <c>stream_options.include_usage</c>, so the final chunk carries
/// the tokens.
/// </summary>
public static class ModelRequestReader
{
    /// <summary>Text kept per part and per audit record (the audit log is not a data lake).</summary>
    public const int MaxText = 256 * 1024;

    /// <summary>The request, or null when the body is not a JSON object.</summary>
    public static ModelRequest? Read(ModelRoute route, ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var model = Str(root, "model");
            var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            var maxTokens = Long(root, "max_tokens") ?? Long(root, "max_completion_tokens") ?? 0;
            var parts = new List<PromptPart>();
            switch (route)
            {
                case ModelRoute.ChatCompletions:
                    ReadChat(root, parts);
                    break;
                case ModelRoute.Embeddings:
                    if (root.TryGetProperty("input", out var input)) ReadInput(input, parts);
                    break;
                default:
                    ReadMessages(root, parts);
                    break;
            }
            var upstream = body;
            var injected = false;
            if (route == ModelRoute.ChatCompletions && stream && !AsksForUsage(root))
            {
                upstream = WithUsageRequested(body);
                injected = true;
            }
            // A rough estimate (4 bytes a token for the prompt, plus the completion cap) bounds concurrent bursts against the budget.
            var estimate = Math.Max(1, body.Length / 4 + maxTokens);
            return new ModelRequest(model, stream, estimate, parts, upstream, injected);
        }
    }

    private static bool AsksForUsage(JsonElement root) =>
        root.TryGetProperty("stream_options", out var o) && o.ValueKind == JsonValueKind.Object
        && o.TryGetProperty("include_usage", out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>The body with <c>stream_options.include_usage</c> set (the rare path: rewritten through an object tree).</summary>
    private static byte[] WithUsageRequested(ReadOnlyMemory<byte> body)
    {
        var root = (JsonObject)JsonNode.Parse(body.Span)!;
        var options = root["stream_options"] as JsonObject ?? [];
        options["include_usage"] = true;
        root["stream_options"] = options;
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static void ReadChat(JsonElement root, List<PromptPart> parts)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array) return;
        var text = new StringBuilder();
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object) continue;
            var role = Str(message, "role") ?? "";
            parts.Add(new PromptPart(Label(role), Content(message, text), role is "user" or "tool" or "function"));
            if (!message.TryGetProperty("tool_calls", out var calls) || calls.ValueKind != JsonValueKind.Array) continue;
            foreach (var call in calls.EnumerateArray())
            {
                if (call.ValueKind == JsonValueKind.Object && call.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object)
                {
                    parts.Add(new PromptPart($"[tool_call {Str(f, "name")}] ", Str(f, "arguments") ?? "", false));
                }
            }
        }
    }

    private static void ReadMessages(JsonElement root, List<PromptPart> parts)
    {
        var text = new StringBuilder();
        if (root.TryGetProperty("system", out var system))
        {
            text.Clear();
            AppendContent(system, text);
            parts.Add(new PromptPart("[system] ", Cut(text), false));
        }
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array) return;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object) continue;
            var role = Str(message, "role") ?? "";
            parts.Add(new PromptPart(Label(role), Content(message, text), role == "user"));
        }
    }

    private static void ReadInput(JsonElement input, List<PromptPart> parts)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.String:
                var text = input.GetString()!;
                parts.Add(new PromptPart("[input] ", text.Length > MaxText ? text[..MaxText] : text, true));
                break;
            case JsonValueKind.Array:
                foreach (var item in input.EnumerateArray()) ReadInput(item, parts);
                break;
        }
    }

    /// <summary>A message's content as one text (a plain string is taken as it is, without copying).</summary>
    private static string Content(JsonElement message, StringBuilder scratch)
    {
        if (!message.TryGetProperty("content", out var content)) return "";
        if (content.ValueKind == JsonValueKind.String)
        {
            var text = content.GetString()!;
            return text.Length > MaxText ? text[..MaxText] : text;
        }
        scratch.Clear();
        AppendContent(content, scratch);
        return Cut(scratch);
    }

    /// <summary>Text of a content field: a string, or blocks (text, tool_result with nested content, tool_use input).</summary>
    private static void AppendContent(JsonElement content, StringBuilder into)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                into.Append(content.GetString());
                break;
            case JsonValueKind.Array:
                foreach (var block in content.EnumerateArray())
                {
                    if (block.ValueKind != JsonValueKind.Object)
                    {
                        AppendContent(block, into);
                        continue;
                    }
                    var type = Str(block, "type");
                    if (block.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) into.Append(t.GetString()).Append(' ');
                    else if (type == "tool_result" && block.TryGetProperty("content", out var result)) AppendContent(result, into.Append("[tool_result] "));
                    else if (type == "tool_use")
                    {
                        into.Append("[tool_use ").Append(Str(block, "name")).Append(' ');
                        if (block.TryGetProperty("input", out var input)) into.Append(input.GetRawText());
                        into.Append("] ");
                    }
                }
                break;
        }
    }

    private static string Label(string role) => role switch
    {
        "system" => "[system] ",
        "user" => "[user] ",
        "assistant" => "[assistant] ",
        "tool" => "[tool] ",
        _ => $"[{role}] ",
    };

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Long(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    private static string Cut(StringBuilder text) => text.Length > MaxText ? text.ToString(0, MaxText) : text.ToString();
}
