using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.ControlPlane.Tests.Admission;

/// <summary>A real HTTPS admission webhook server on 127.0.0.1 (Kestrel), with a serving certificate from a dev CA.</summary>
public sealed class TestWebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<JsonObject, CancellationToken, Task<JsonObject>>> _handlers = new();

    private TestWebhookServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Every AdmissionReview request received, by path.</summary>
    public ConcurrentQueue<(string Path, JsonObject Review)> Received { get; } = new();

    public static async Task<TestWebhookServer> StartAsync(DevCertificateAuthority ca, string[]? dnsNames = null)
    {
        var certificate = ServingCertificates.Issue(ca, dnsNames ?? [], dnsNames is null ? [IPAddress.Loopback] : []);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
        var app = builder.Build();
        TestWebhookServer? server = null;
        app.MapPost("/{hook}", async (HttpContext context, string hook) =>
        {
            var review = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            server!.Received.Enqueue((hook, review));
            if (!server._handlers.TryGetValue(hook, out var handler))
            {
                context.Response.StatusCode = 404;
                return;
            }
            var response = await handler(review, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.ToJsonString());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new TestWebhookServer(app, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public string Url(string hook) => $"{BaseUrl}/{hook}";

    public void Handle(string hook, Func<JsonObject, CancellationToken, Task<JsonObject>> handler) => _handlers[hook] = handler;

    public void Handle(string hook, Func<JsonObject, JsonObject> handler) => _handlers[hook] = (r, _) => Task.FromResult(handler(r));

    public IReadOnlyList<JsonObject> RequestsTo(string hook) =>
        Received.Where(r => r.Path == hook).Select(r => (JsonObject)r.Review["request"]!).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

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
}
