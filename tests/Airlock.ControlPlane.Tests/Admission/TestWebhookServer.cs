using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Auth;
using Airlock.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airlock.ControlPlane.Tests.Admission;

/// <summary>A real HTTPS admission webhook server on 127.0.0.1 (Kestrel), with a serving certificate from a dev CA.</summary>
public sealed class TestWebhookServer : IAsyncDisposable
{
    private readonly LoopbackHost _host;
    private readonly ConcurrentDictionary<string, Func<JsonObject, CancellationToken, Task<JsonObject>>> _handlers = new();

    private TestWebhookServer(LoopbackHost host) => _host = host;

    /// <summary><c>https://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl => _host.Address.GetLeftPart(UriPartial.Authority);

    /// <summary>Every AdmissionReview request received, by path.</summary>
    public ConcurrentQueue<(string Path, JsonObject Review)> Received { get; } = new();

    /// <summary>A server whose certificate names <paramref name="dnsNames"/>, or 127.0.0.1 when none are given.</summary>
    public static async Task<TestWebhookServer> StartAsync(DevCertificateAuthority ca, string[]? dnsNames = null)
    {
        var certificate = ca.IssueServerCertificate(dnsNames ?? [], dnsNames is null ? [IPAddress.Loopback] : []);
        TestWebhookServer? server = null;
        var host = await LoopbackHost.StartAsync(app => app.MapPost("/{hook}", (HttpContext context, string hook) => server!.ReviewAsync(context, hook)), certificate);
        server = new TestWebhookServer(host);
        return server;
    }

    public string Url(string hook) => $"{BaseUrl}/{hook}";

    public void Handle(string hook, Func<JsonObject, CancellationToken, Task<JsonObject>> handler) => _handlers[hook] = handler;

    public void Handle(string hook, Func<JsonObject, JsonObject> handler) => _handlers[hook] = (r, _) => Task.FromResult(handler(r));

    public IReadOnlyList<JsonObject> RequestsTo(string hook) =>
        Received.Where(r => r.Path == hook).Select(r => (JsonObject)r.Review["request"]!).ToList();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>An AdmissionReview response to <paramref name="review"/>.</summary>
    public static JsonObject Respond(JsonObject review, bool allowed, JsonObject? status = null, string? jsonPatch = null, params string[] warnings)
    {
        var response = new JsonObject { ["uid"] = (string?)review["request"]?["uid"], ["allowed"] = allowed };
        if (status is not null) response["status"] = status;
        if (jsonPatch is not null)
        {
            response["patch"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(jsonPatch));
            response["patchType"] = "JSONPatch";
        }
        if (warnings.Length > 0) response["warnings"] = new JsonArray(warnings.Select(w => (JsonNode?)w).ToArray());
        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response };
    }

    private async Task ReviewAsync(HttpContext context, string hook)
    {
        var review = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        Received.Enqueue((hook, review));
        if (!_handlers.TryGetValue(hook, out var handler))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var response = await handler(review, context.RequestAborted);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString());
    }
}
