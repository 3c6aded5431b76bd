using System.Globalization;
using System.Text.Json;
using Airlock.Gateway.Serving;

namespace Airlock.Gateway.Redaction;

/// <summary>
/// Where the model's text is in one streamed event: OpenAI <c>choices[].delta</c> (<c>content</c>, <c>refusal</c>,
/// <c>reasoning_content</c>, <c>tool_calls[].function.arguments</c>) and Anthropic <c>content_block_delta</c> (<c>text</c>,
/// <c>partial_json</c>, <c>thinking</c>), each in a channel of its own; and which channels the event ends (a choice's
/// <c>finish_reason</c>, Anthropic's <c>content_block_stop</c>).
/// </summary>
public static class StreamText
{
    private static readonly string[] DeltaFields = ["content", "refusal", "reasoning_content", "reasoning"];
    private static readonly string[] AnthropicFields = ["text", "partial_json", "thinking"];

    /// <summary>A piece of text: its channel, and the JSON path to it inside the event (to put the redacted text back).</summary>
    public readonly record struct Fragment(string Channel, object[] Path, string Text);

    /// <summary>Adds the event's text fragments to <paramref name="fragments"/> and the prefix (<c>INDEX:</c>) of the channels it ends to <paramref name="ended"/>.</summary>
    public static void Extract(ModelRoute route, JsonElement root, List<Fragment> fragments, List<string> ended)
    {
        if (root.ValueKind != JsonValueKind.Object) return;
        if (route == ModelRoute.Messages) ExtractAnthropic(root, fragments, ended);
        else ExtractOpenAi(root, fragments, ended);
    }

    private static void ExtractOpenAi(JsonElement root, List<Fragment> fragments, List<string> ended)
    {
        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array) return;
        var position = 0;
        foreach (var choice in choices.EnumerateArray())
        {
            var at = position++;
            if (choice.ValueKind != JsonValueKind.Object) continue;
            var index = Index(choice, at);
            if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in DeltaFields)
                {
                    if (Text(delta, field) is { } text) fragments.Add(new Fragment($"{index}:{field}", ["choices", at, "delta", field], text));
                }
                if (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
                {
                    var callAt = 0;
                    foreach (var call in calls.EnumerateArray())
                    {
                        var k = callAt++;
                        if (call.ValueKind != JsonValueKind.Object || !call.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object) continue;
                        if (Text(function, "arguments") is { } arguments)
                        {
                            fragments.Add(new Fragment($"{index}:tool{Index(call, k)}", ["choices", at, "delta", "tool_calls", k, "function", "arguments"], arguments));
                        }
                    }
                }
            }
            if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String) ended.Add($"{index}:");
        }
    }

    private static void ExtractAnthropic(JsonElement root, List<Fragment> fragments, List<string> ended)
    {
        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var block = Index(root, 0).ToString(CultureInfo.InvariantCulture) + ":";
        var channel = block + "block";
        switch (type)
        {
            case "content_block_start" when root.TryGetProperty("content_block", out var start) && start.ValueKind == JsonValueKind.Object:
                if (Text(start, "text") is { } initial) fragments.Add(new Fragment(channel, ["content_block", "text"], initial));
                break;
            case "content_block_delta" when root.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object:
                foreach (var field in AnthropicFields)
                {
                    if (Text(delta, field) is { } text) fragments.Add(new Fragment(channel, ["delta", field], text));
                }
                break;
            case "content_block_stop":
                ended.Add(block);
                break;
        }
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static int Index(JsonElement element, int fallback) =>
        element.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out var n) ? n : fallback;
}
