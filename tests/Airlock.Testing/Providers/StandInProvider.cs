using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airlock.Testing.Providers;

/// <summary>
/// A stand-in OpenAI and Anthropic provider on loopback: it records every request it sees, answers with fixed usage and a
/// completion the test chooses (streamed in two chunks split in the middle of the text), and can hold a stream open after
/// its first chunk until the test releases it.
/// </summary>
public sealed class StandInProvider : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private StandInProvider(LoopbackHost host) => _host = host;

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address => _host.Address;

    /// <summary>The base URL the gateway is configured with (<c>…/v1</c>).</summary>
    public Uri BaseUrl => new(Address, "/v1");

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    public int PromptTokens { get; set; } = 11;

    public int CompletionTokens { get; set; } = 7;

    public string Completion { get; set; } = "Hello from the stand-in.";

    /// <summary>When set, a stream sends its first chunk and then waits for this before the rest.</summary>
    public TaskCompletionSource? HoldStream { get; set; }

    /// <summary>When not None, a stream is broken off this way after its first text chunk (and after <see cref="HoldStream"/>).</summary>
    public StreamBreak BreakStream { get; set; }

    public static async Task<StandInProvider> StartAsync()
    {
        StandInProvider? self = null;
        var host = await LoopbackHost.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", context => self!.ChatAsync(context));
            app.MapPost("/v1/embeddings", context => self!.EmbeddingsAsync(context));
            app.MapPost("/v1/messages", context => self!.MessagesAsync(context));
            app.MapGet("/v1/models", context => self!.ModelsAsync(context));
        });
        self = new StandInProvider(host);
        return self;
    }

    public SeenRequest Last => Seen.Last();

    public async ValueTask DisposeAsync()
    {
        HoldStream?.TrySetResult();
        await _host.DisposeAsync();
    }

    private async Task<JsonObject> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        Seen.Enqueue(new SeenRequest(context.Request.Path, headers, body));
        return body.Length > 0 ? (JsonNode.Parse(body) as JsonObject ?? []) : [];
    }

    private async Task ChatAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        var model = (string?)request["model"] ?? "";
        if (request["stream"]?.GetValue<bool>() != true)
        {
            await WriteJsonAsync(context, new JsonObject
            {
                ["id"] = "chatcmpl-1",
                ["object"] = "chat.completion",
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Completion },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = PromptTokens, ["completion_tokens"] = CompletionTokens, ["total_tokens"] = PromptTokens + CompletionTokens },
            });
            return;
        }
        context.Response.ContentType = "text/event-stream";
        var half = Completion.Length / 2;
        await SendAsync(context, Chunk(model, Completion[..half]));
        if (HoldStream is { } hold) await hold.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (Broken(context)) return;
        await SendAsync(context, Chunk(model, Completion[half..]));
        if (request["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
        {
            await SendAsync(context, new JsonObject
            {
                ["id"] = "chatcmpl-1",
                ["object"] = "chat.completion.chunk",
                ["choices"] = new JsonArray(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = PromptTokens, ["completion_tokens"] = CompletionTokens, ["total_tokens"] = PromptTokens + CompletionTokens },
            }.ToJsonString());
        }
        await SendAsync(context, "[DONE]");
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        await RecordAsync(context);
        await WriteJsonAsync(context, new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject { ["object"] = "embedding", ["index"] = 0, ["embedding"] = new JsonArray(0.1, 0.2) }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = PromptTokens, ["total_tokens"] = PromptTokens },
        });
    }

    private async Task MessagesAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        var model = (string?)request["model"] ?? "";
        if (request["stream"]?.GetValue<bool>() != true)
        {
            await WriteJsonAsync(context, new JsonObject
            {
                ["id"] = "msg_1",
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = model,
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = Completion }),
                ["stop_reason"] = "end_turn",
                ["usage"] = new JsonObject { ["input_tokens"] = PromptTokens, ["output_tokens"] = CompletionTokens },
            });
            return;
        }
        context.Response.ContentType = "text/event-stream";
        await SendEventAsync(context, "message_start", new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = new JsonObject { ["id"] = "msg_1", ["type"] = "message", ["role"] = "assistant", ["model"] = model, ["content"] = new JsonArray(), ["usage"] = new JsonObject { ["input_tokens"] = PromptTokens, ["output_tokens"] = 1 } },
        });
        await SendEventAsync(context, "content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } });
        var half = Completion.Length / 2;
        await SendEventAsync(context, "content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = Completion[..half] } });
        if (HoldStream is { } hold) await hold.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (Broken(context)) return;
        await SendEventAsync(context, "content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = Completion[half..] } });
        await SendEventAsync(context, "content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 });
        await SendEventAsync(context, "message_delta", new JsonObject { ["type"] = "message_delta", ["delta"] = new JsonObject { ["stop_reason"] = "end_turn" }, ["usage"] = new JsonObject { ["output_tokens"] = CompletionTokens } });
        await SendEventAsync(context, "message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    private async Task ModelsAsync(HttpContext context)
    {
        await RecordAsync(context);
        await WriteJsonAsync(context, new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject { ["id"] = "upstream-model", ["object"] = "model", ["created"] = 0, ["owned_by"] = "fake" }),
        });
    }

    /// <summary>Breaks the stream off as <see cref="BreakStream"/> says; true when the handler must stop.</summary>
    private bool Broken(HttpContext context)
    {
        if (BreakStream == StreamBreak.Reset) context.Abort();
        return BreakStream != StreamBreak.None;
    }

    private static string Chunk(string model, string text) => new JsonObject
    {
        ["id"] = "chatcmpl-1",
        ["object"] = "chat.completion.chunk",
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = text } }),
    }.ToJsonString();

    private static async Task SendAsync(HttpContext context, string data)
    {
        await context.Response.WriteAsync($"data: {data}\n\n");
        await context.Response.Body.FlushAsync();
    }

    private static async Task SendEventAsync(HttpContext context, string name, JsonObject data)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {data.ToJsonString()}\n\n");
        await context.Response.Body.FlushAsync();
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-request-id"] = "req-fake";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
