using System.Diagnostics;
using System.Net.Http.Headers;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Metrics;
using Airlock.Gateway.Providers;
using Airlock.Gateway.Redaction;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Forwards a call to its provider: a fresh upstream request carrying only the body, content negotiation and the provider's
/// API-version headers, plus the provider key (<c>Authorization: Bearer</c> for OpenAI, <c>x-api-key</c> for Anthropic).
/// Nothing the caller sent as a credential goes upstream, and only content headers and request ids come back. With a
/// redaction engine, secrets in the answer are cut out before the caller sees them.
/// </summary>
public sealed class UpstreamClient(HttpClient http, GatewayMetrics metrics)
{
    public const string DefaultAnthropicVersion = "2023-06-01";

    private static readonly string[] ResponseHeadersPassed = ["x-request-id", "request-id", "openai-processing-ms"];

    /// <summary>
    /// Runs once the answer is known and before the caller sees its end: the status sent, and the secret types cut out of
    /// the answer when it was redacted (null when it was passed on as the provider sent it), and the error code when the
    /// answer failed after its status line was sent (a stream the provider broke off).
    /// </summary>
    public delegate Task Finish(int status, IReadOnlyList<string>? redacted, string? error = null);

    /// <summary>A client for provider calls: pooled connections, no cookies, no redirects (a redirect could carry the key elsewhere).</summary>
    public static HttpClient CreateHttpClient(TimeSpan timeout) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    { Timeout = timeout };

    /// <summary>
    /// Sends the call and relays the answer; returns the status sent to the caller. <paramref name="whileWaiting"/> runs on
    /// this thread once the request is on its way, before the answer is awaited.
    /// </summary>
    public async Task<int> ForwardAsync(
        HttpContext context, Provider provider, string key, ModelRoute route, ModelRequest request, CompletionCollector collector, GuardrailEngine? redaction,
        Action whileWaiting, Finish finish)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, provider.Resolve(ModelRoutes.UpstreamPath(route)))
        {
            Content = new ReadOnlyMemoryContent(request.UpstreamBody),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        PrepareHeaders(context.Request.Headers, message, provider, key);

        HttpResponseMessage response;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var sending = http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            whileWaiting();
            response = await sending.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !context.RequestAborted.IsCancellationRequested))
        {
            await finish(502, null).ConfigureAwait(false);
            await ErrorResponses.WriteAsync(context, ModelRoutes.Flavor(route), new GatewayError(502, "upstream_unavailable", $"provider \"{provider.Name}\" could not be reached"))
                .ConfigureAwait(false);
            return 502;
        }
        metrics.UpstreamDuration.WithLabels(provider.Name).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            {
                var outgoing = context.Response;
                CopyHead(response, outgoing, status);
                outgoing.Headers.CacheControl = "no-cache";
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                await outgoing.StartAsync(context.RequestAborted).ConfigureAwait(false);
                await using var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
                var redactor = redaction is null ? null : new StreamRedactor(redaction, route);
                var relay = new StreamRelay(outgoing, route, collector, request.UsageRequestedByGateway, redactor,
                    error => finish(error is null ? status : StreamRelay.StreamBrokenStatus, redactor?.SecretTypes, error), provider.Name);
                await relay.RelayAsync(stream, context.RequestAborted).ConfigureAwait(false);
                return status;
            }
            var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
            return await AnswerWholeAsync(context, response, status, bytes, route, collector, redaction, finish).ConfigureAwait(false);
        }
    }

    /// <summary>A whole answer: redacted, counted and audited (<paramref name="finish"/>) before a byte of it is sent.</summary>
    private static async Task<int> AnswerWholeAsync(
        HttpContext context, HttpResponseMessage response, int status, byte[] bytes, ModelRoute route, CompletionCollector collector, GuardrailEngine? redaction,
        Finish finish)
    {
        ReadOnlyMemory<byte> body = bytes;
        IReadOnlyList<string>? redacted = null;
        if (redaction is not null)
        {
            if (ResponseRedactor.Redact(bytes, redaction) is not { } clean)
            {
                await finish(502, ["unredactable"]).ConfigureAwait(false);
                await ErrorResponses.WriteAsync(context, ModelRoutes.Flavor(route),
                    new GatewayError(502, "redaction_failed", "the provider's answer held a secret the gateway could not cut out")).ConfigureAwait(false);
                return 502;
            }
            (body, redacted) = clean;
        }
        if (response.IsSuccessStatusCode) collector.AddResponse(route, body);
        await finish(status, redacted).ConfigureAwait(false);
        var outgoing = context.Response;
        CopyHead(response, outgoing, status);
        outgoing.ContentLength = body.Length;
        await outgoing.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        return status;
    }

    private static void CopyHead(HttpResponseMessage response, HttpResponse outgoing, int status)
    {
        outgoing.StatusCode = status;
        outgoing.ContentType = response.Content.Headers.ContentType?.ToString();
        foreach (var name in ResponseHeadersPassed)
        {
            if (response.Headers.TryGetValues(name, out var values)) outgoing.Headers[name] = values.ToArray();
        }
    }

    private static void PrepareHeaders(IHeaderDictionary incoming, HttpRequestMessage message, Provider provider, string key)
    {
        if (incoming.Accept.Count > 0) message.Headers.TryAddWithoutValidation("Accept", incoming.Accept.ToArray());
        if (provider.Type == ProviderType.Anthropic)
        {
            var version = incoming.TryGetValue("anthropic-version", out var v) && v.Count > 0 ? v.ToString() : DefaultAnthropicVersion;
            message.Headers.TryAddWithoutValidation("anthropic-version", version);
            if (incoming.TryGetValue("anthropic-beta", out var beta) && beta.Count > 0) message.Headers.TryAddWithoutValidation("anthropic-beta", beta.ToArray());
            message.Headers.TryAddWithoutValidation("x-api-key", key);
        }
        else
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }
}
