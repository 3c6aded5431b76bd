using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Parses a model-call body (OpenAI chat or embeddings, Anthropic messages) into a <see cref="ModelRequest"/>. A streamed
/// OpenAI chat that did not ask for usage gets <c>stream_options.include_usage</c>, so the final chunk carries the tokens.
/// </summary>
public static class ModelRequestReader
{
    /// <summary>Text kept for audit and scanning per request (longer prompts are cut: the audit log is not a data lake).</summary>
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
        var prompt = new StringBuilder();
        var untrusted = new StringBuilder();
        switch (route)
        {
            case ModelRoute.ChatCompletions:
                ReadChat(root, prompt, untrusted);
                break;
            case ModelRoute.Embeddings:
                AppendInput(root["input"], prompt);
                untrusted.Append(prompt);
                break;
            default:
                ReadMessages(root, prompt, untrusted);
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
        return new ModelRequest(model, stream, estimate, Cut(prompt), Cut(untrusted), upstream, injected);
    }

    private static bool AsksForUsage(JsonObject root) =>
        root["stream_options"] is JsonObject o && o["include_usage"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static void ReadChat(JsonObject root, StringBuilder prompt, StringBuilder untrusted)
    {
        if (root["messages"] is not JsonArray messages) return;
        foreach (var message in messages.OfType<JsonObject>())
        {
            var role = Str(message["role"]) ?? "";
            var start = prompt.Length;
            prompt.Append('[').Append(role).Append("] ");
            var contentStart = prompt.Length;
            AppendContent(message["content"], prompt);
            if (role is "user" or "tool" or "function") untrusted.Append(prompt, contentStart, prompt.Length - contentStart).Append('\n');
            if (message["tool_calls"] is JsonArray calls)
            {
                foreach (var call in calls.OfType<JsonObject>())
                {
                    if (call["function"] is JsonObject f) prompt.Append(" [tool_call ").Append(Str(f["name"])).Append(' ').Append(Str(f["arguments"])).Append(']');
                }
            }
            if (prompt.Length > start) prompt.Append('\n');
            if (prompt.Length > MaxText) return;
        }
    }

    private static void ReadMessages(JsonObject root, StringBuilder prompt, StringBuilder untrusted)
    {
        if (root["system"] is { } system)
        {
            prompt.Append("[system] ");
            AppendContent(system, prompt);
            prompt.Append('\n');
        }
        if (root["messages"] is not JsonArray messages) return;
        foreach (var message in messages.OfType<JsonObject>())
        {
            var role = Str(message["role"]) ?? "";
            prompt.Append('[').Append(role).Append("] ");
            var contentStart = prompt.Length;
            AppendContent(message["content"], prompt);
            if (role == "user") untrusted.Append(prompt, contentStart, prompt.Length - contentStart).Append('\n');
            prompt.Append('\n');
            if (prompt.Length > MaxText) return;
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

    private static void AppendInput(JsonNode? input, StringBuilder into)
    {
        switch (input)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                into.Append(text).Append('\n');
                break;
            case JsonArray items:
                foreach (var item in items) AppendInput(item, into);
                break;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    private static string Cut(StringBuilder text) => text.Length > MaxText ? text.ToString(0, MaxText) : text.ToString();
}
