using System.Text;
using Airlock.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airlock.Bench.Gateway;

/// <summary>
/// The model provider both proxies sit in front of: an OpenAI-compatible <c>/v1/chat/completions</c> on loopback answering
/// at once with a fixed completion and usage (so the figures measure the proxies, not a model). Unlike the tests' stand-in
/// it records nothing and answers with bytes encoded once, so that it costs the direct baseline as little as it can.
/// </summary>
public sealed class StandInProvider : IAsyncDisposable
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        """{"id":"chatcmpl-bench","object":"chat.completion","model":"gpt-4.1-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Label: bug. The build fails on a missing dependency."},"finish_reason":"stop"}],"usage":{"prompt_tokens":24,"completion_tokens":12,"total_tokens":36}}""");

    private readonly LoopbackHost _host;

    private StandInProvider(LoopbackHost host) => _host = host;

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address => _host.Address;

    public static async Task<StandInProvider> StartAsync() =>
        new(await LoopbackHost.StartAsync(app => app.MapPost("/v1/chat/completions", AnswerAsync)));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static async Task AnswerAsync(HttpContext context)
    {
        // Read the whole request, as a provider would, then answer.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Answer.Length;
        await context.Response.Body.WriteAsync(Answer, context.RequestAborted);
    }
}
