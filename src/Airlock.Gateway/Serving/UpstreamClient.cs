using System.Diagnostics;
using System.Net.Http.Headers;
using Airlock.Gateway.Metrics;
using Airlock.Gateway.Providers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Forwards a call to its provider: a fresh upstream request carrying only the body, content negotiation and the provider's
/// API-version headers, plus the provider key (<c>Authorization: Bearer</c> for OpenAI, <c>x-api-key</c> for Anthropic).
/// Nothing the caller sent as a credential goes upstream, and only content headers and request ids come back.
/// </summary>
public sealed class UpstreamClient(HttpClient http, GatewayMetrics metrics)
{
    public const string DefaultAnthropicVersion = "2023-06-01";

    private static readonly string[] ResponseHeadersPassed = ["x-request-id", "request-id", "openai-processing-ms"];

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

    /// <summary>Sends the call and relays the answer; returns the status sent to the caller.</summary>
    /// <remarks><paramref name="settle"/> runs once the usage is known and before the caller sees the end of the answer.</remarks>
    public async Task<int> ForwardAsync(HttpContext context, Provider provider, string key, ModelRoute route, ModelRequest request, CompletionCollector collector, Func<Task> settle)
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
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !context.RequestAborted.IsCancellationRequested))
        {
            var error = new GatewayError(502, "upstream_unavailable", $"provider \"{provider.Name}\" could not be reached");
            await ErrorResponses.WriteAsync(context, ModelRoutes.Flavor(route), error).ConfigureAwait(false);
            return 502;
        }
        metrics.UpstreamDuration.WithLabels(provider.Name).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        using (response)
        {
            var status = (int)response.StatusCode;
            var outgoing = context.Response;
            outgoing.StatusCode = status;
            outgoing.ContentType = response.Content.Headers.ContentType?.ToString();
            foreach (var name in ResponseHeadersPassed)
            {
                if (response.Headers.TryGetValues(name, out var values)) outgoing.Headers[name] = values.ToArray();
            }
            var isStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
            if (isStream)
            {
                outgoing.Headers.CacheControl = "no-cache";
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                await outgoing.StartAsync(context.RequestAborted).ConfigureAwait(false);
                await using var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
                await StreamRelay.RelayAsync(stream, outgoing, route, collector, request.UsageRequestedByGateway, settle, context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) collector.AddResponse(route, bytes);
                await settle().ConfigureAwait(false);
                outgoing.ContentLength = bytes.Length;
                await outgoing.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            }
            return status;
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
