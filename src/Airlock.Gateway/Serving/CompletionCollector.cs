using System.Text;
using System.Text.Json;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Gathers what a provider answered, from a whole response or from streamed events: prompt and completion tokens (the
/// provider's own counts), the completion text and the tool calls, for usage accounting and the audit log.
/// </summary>
public sealed class CompletionCollector
{
    private readonly StringBuilder _completion = new();
    private readonly SortedDictionary<int, ToolCallBuilder> _toolCalls = [];

    public long PromptTokens { get; private set; }

    public long CompletionTokens { get; private set; }

    public bool SawUsage { get; private set; }

    public string Completion => _completion.ToString();

    public IReadOnlyList<(string Name, string Arguments)> ToolCalls => [.. _toolCalls.Values.Select(t => (t.Name, t.Arguments.ToString()))];

    /// <summary>A whole (non-streamed) response body.</summary>
    public void AddResponse(ModelRoute route, ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return;
            if (route == ModelRoute.Messages) AddAnthropicMessage(root);
            else AddOpenAi(root, streamed: false);
        }
        catch (JsonException)
        {
            // Not JSON (an upstream error page): nothing to count.
        }
    }

    /// <summary>The parsed data of one streamed event.</summary>
    public void AddStreamEvent(ModelRoute route, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return;
        if (route == ModelRoute.Messages) AddAnthropicEvent(root);
        else AddOpenAi(root, streamed: true);
    }

    /// <summary>True for OpenAI's usage-only final chunk (usage, no choices): the one the gateway asks for when the caller did not.</summary>
    public static bool IsUsageOnly(ModelRoute route, JsonElement root) =>
        route != ModelRoute.Messages && root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() == 0;

    private void AddOpenAi(JsonElement root, bool streamed)
    {
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            SawUsage = true;
            PromptTokens = Number(usage, "prompt_tokens");
            CompletionTokens = Number(usage, "completion_tokens");
        }
        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array) return;
        foreach (var choice in choices.EnumerateArray())
        {
            if (!choice.TryGetProperty(streamed ? "delta" : "message", out var message) || message.ValueKind != JsonValueKind.Object) continue;
            if (message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String) Append(content.GetString());
            if (!message.TryGetProperty("tool_calls", out var calls) || calls.ValueKind != JsonValueKind.Array) continue;
            var position = 0;
            foreach (var call in calls.EnumerateArray())
            {
                var index = call.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : position;
                position++;
                var builder = ToolCall(index);
                if (!call.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object) continue;
                if (function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String) builder.Name += name.GetString();
                if (function.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.String) builder.Append(args.GetString());
            }
        }
    }

    private void AddAnthropicMessage(JsonElement root)
    {
        if (root.TryGetProperty("usage", out var usage)) AddAnthropicUsage(usage);
        if (!root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array) return;
        var index = 0;
        foreach (var block in content.EnumerateArray())
        {
            var type = block.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "text" && block.TryGetProperty("text", out var text)) Append(text.GetString());
            else if (type == "tool_use")
            {
                var builder = ToolCall(index);
                builder.Name = block.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
                if (block.TryGetProperty("input", out var input)) builder.Append(input.GetRawText());
            }
            index++;
        }
    }

    private void AddAnthropicEvent(JsonElement root)
    {
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "message_start" when root.TryGetProperty("message", out var message) && message.TryGetProperty("usage", out var usage):
                AddAnthropicUsage(usage);
                break;
            case "message_delta" when root.TryGetProperty("usage", out var usage):
                AddAnthropicUsage(usage);
                break;
            case "content_block_start" when root.TryGetProperty("content_block", out var block)
                && block.TryGetProperty("type", out var blockType) && blockType.GetString() == "tool_use":
                ToolCall(Index(root)).Name = block.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
                break;
            case "content_block_delta" when root.TryGetProperty("delta", out var delta):
                if (delta.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String) Append(text.GetString());
                else if (delta.TryGetProperty("partial_json", out var json) && json.ValueKind == JsonValueKind.String) ToolCall(Index(root)).Append(json.GetString());
                break;
        }
    }

    // message_start carries input tokens (output so far is tiny); message_delta the cumulative output tokens.
    private void AddAnthropicUsage(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object) return;
        SawUsage = true;
        if (usage.TryGetProperty("input_tokens", out _))
        {
            PromptTokens = Number(usage, "input_tokens") + Number(usage, "cache_creation_input_tokens") + Number(usage, "cache_read_input_tokens");
        }
        if (usage.TryGetProperty("output_tokens", out _)) CompletionTokens = Number(usage, "output_tokens");
    }

    private static int Index(JsonElement root) => root.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : 0;

    private static long Number(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;

    private void Append(string? text)
    {
        if (text is null || _completion.Length >= ModelRequestReader.MaxText) return;
        _completion.Append(text.AsSpan(0, Math.Min(text.Length, ModelRequestReader.MaxText - _completion.Length)));
    }

    private ToolCallBuilder ToolCall(int index)
    {
        if (!_toolCalls.TryGetValue(index, out var builder)) _toolCalls[index] = builder = new ToolCallBuilder();
        return builder;
    }

    private sealed class ToolCallBuilder
    {
        public string Name { get; set; } = "";

        public StringBuilder Arguments { get; } = new();

        public void Append(string? text)
        {
            if (text is not null && Arguments.Length < ModelRequestReader.MaxText) Arguments.Append(text);
        }
    }
}
