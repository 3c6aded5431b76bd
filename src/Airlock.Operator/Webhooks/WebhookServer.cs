using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.Operator.Webhooks.Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Operator.Webhooks;

/// <summary>
/// The HTTPS endpoint of the admission webhooks (<see cref="WebhookPaths"/>): reads an AdmissionReview, answers one.
/// The certificate is taken from <see cref="IServingCertificateSource"/> on every handshake, so rotation needs no restart.
/// </summary>
public sealed class WebhookServer : IAsyncDisposable
{
    private const long MaxBodyBytes = 4 * 1024 * 1024;
    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, IPEndPoint endpoint)
    {
        _app = app;
        EndPoint = endpoint;
    }

    /// <summary>Where the server listens (the actual port when 0 was asked for).</summary>
    public IPEndPoint EndPoint { get; }

    public static async Task<WebhookServer> StartAsync(
        IPEndPoint endpoint, IServingCertificateSource certificates, AgentTaskWebhooks webhooks, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.Listen(endpoint, o => o.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificateSelector = (_, _) => certificates.Current }));
        });
        var app = builder.Build();
        var logger = loggerFactory.CreateLogger<WebhookServer>();
        app.MapPost(WebhookPaths.Mutate, context => HandleAsync(context, webhooks.MutateAsync, logger));
        app.MapPost(WebhookPaths.Validate, context => HandleAsync(context, webhooks.ValidateAsync, logger));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new WebhookServer(app, new IPEndPoint(endpoint.Address, address.Port));
    }

    private static async Task HandleAsync(HttpContext context, Func<AdmissionRequest, CancellationToken, Task<AdmissionResponse>> handle, ILogger logger)
    {
        AdmissionRequest request;
        try
        {
            request = AdmissionRequest.Parse(await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("not an AdmissionReview v1 request: " + e.Message, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        AdmissionResponse response;
        try
        {
            response = await handle(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fail closed: a webhook that cannot decide refuses.
            WebhookLog.Failed(logger, request.Namespace ?? "", request.Name ?? "", e.Message);
            response = new AdmissionResponse(false, 500, "InternalError", "the Airlock webhook could not decide: " + e.Message, null, []);
        }
        WebhookLog.Decided(logger, request.Operation, request.SubResource, request.Namespace ?? "", request.Name ?? "", request.User.Username, response.Allowed, response.Message);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToReview(request.Uid).ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
