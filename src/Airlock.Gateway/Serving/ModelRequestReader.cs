using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Gateway.Guardrails;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Parses a model-call body (OpenAI chat or embeddings, Anthropic messages) into a <see cref="ModelRequest"/>: one
/// <see cref="PromptPart"/> per message content and per tool call. A streamed OpenAI chat that did not ask for usage gets
/// <c>stream_options.include_usage</c>, so the final chunk carries the tokens.
/// </summary>
public static class ModelRequestReader
{
    /// <summary>Text kept per part and per audit record (the audit log is not a data lake).</summary>
    public const int MaxText = 256 * 1024;

    /// <summary>The request, or null when the body is not a JSON object.</summary>
    public static ModelRequest? Read(ModelRoute route, ReadOnlyMemory<byte> body)
    {
        JsonObject root;
        try
        {
            if (JsonNode.Parse(body.Span) is not JsonObject parsed) return null;
            root = parsed;
        }
        catch (JsonException)
        {
            return null;
        }
        var model = Str(root["model"]);
        var stream = root["stream"] is JsonValue s && s.TryGetValue<bool>(out var b) && b;
        var maxTokens = Long(root["max_tokens"]) ?? Long(root["max_completion_tokens"]) ?? 0;
        var parts = new List<PromptPart>();
        switch (route)
        {
            case ModelRoute.ChatCompletions:
                ReadChat(root, parts);
                break;
            case ModelRoute.Embeddings:
                ReadInput(root["input"], parts);
                break;
            default:
                ReadMessages(root, parts);
                break;
        }
        var upstream = body;
        var injected = false;
        if (route == ModelRoute.ChatCompletions && stream && !AsksForUsage(root))
        {
            var options = root["stream_options"] as JsonObject ?? [];
            options["include_usage"] = true;
            root["stream_options"] = options;
            upstream = JsonSerializer.SerializeToUtf8Bytes(root);
            injected = true;
        }
        // A rough estimate (4 bytes a token for the prompt, plus the completion cap) bounds concurrent bursts against the budget.
        var estimate = Math.Max(1, body.Length / 4 + maxTokens);
        return new ModelRequest(model, stream, estimate, parts, upstream, injected);
    }

    private static bool AsksForUsage(JsonObject root) =>
        root["stream_options"] is JsonObject o && o["include_usage"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static void ReadChat(JsonObject root, List<PromptPart> parts)
    {
        if (root["messages"] is not JsonArray messages) return;
        var text = new StringBuilder();
        foreach (var node in messages)
        {
            if (node is not JsonObject message) continue;
            var role = Str(message["role"]) ?? "";
            text.Clear();
            AppendContent(message["content"], text);
            parts.Add(new PromptPart(Label(role), Cut(text), role is "user" or "tool" or "function"));
            if (message["tool_calls"] is not JsonArray calls) continue;
            foreach (var call in calls)
            {
                if (call is JsonObject { } c && c["function"] is JsonObject f)
                {
                    parts.Add(new PromptPart($"[tool_call {Str(f["name"])}] ", Str(f["arguments"]) ?? "", false));
                }
            }
        }
    }

    private static void ReadMessages(JsonObject root, List<PromptPart> parts)
    {
        var text = new StringBuilder();
        if (root["system"] is { } system)
        {
            AppendContent(system, text);
            parts.Add(new PromptPart("[system] ", Cut(text), false));
        }
        if (root["messages"] is not JsonArray messages) return;
        foreach (var node in messages)
        {
            if (node is not JsonObject message) continue;
            var role = Str(message["role"]) ?? "";
            text.Clear();
            AppendContent(message["content"], text);
            parts.Add(new PromptPart(Label(role), Cut(text), role == "user"));
        }
    }

    private static void ReadInput(JsonNode? input, List<PromptPart> parts)
    {
        switch (input)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                parts.Add(new PromptPart("[input] ", text.Length > MaxText ? text[..MaxText] : text, true));
                break;
            case JsonArray items:
                foreach (var item in items) ReadInput(item, parts);
                break;
        }
    }

    /// <summary>Text of a content field: a string, or blocks (text, tool_result with nested content, tool_use input).</summary>
    private static void AppendContent(JsonNode? content, StringBuilder into)
    {
        switch (content)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                into.Append(text);
                break;
            case JsonArray blocks:
                foreach (var block in blocks)
                {
                    if (block is not JsonObject part)
                    {
                        AppendContent(block, into);
                        continue;
                    }
                    var type = Str(part["type"]);
                    if (part["text"] is JsonValue t && t.TryGetValue<string>(out var partText)) into.Append(partText).Append(' ');
                    else if (type == "tool_result") AppendContent(part["content"], into.Append("[tool_result] "));
                    else if (type == "tool_use") into.Append("[tool_use ").Append(Str(part["name"])).Append(' ').Append(part["input"]?.ToJsonString()).Append("] ");
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

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    private static string Cut(StringBuilder text) => text.Length > MaxText ? text.ToString(0, MaxText) : text.ToString();
}
