using Airlock.Runtime.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Airlock.Runtime.Health;

/// <summary>
/// A small Kestrel endpoint: <c>/metrics</c> (the runtime registry, Prometheus text), <c>/healthz</c> (the process
/// answers) and <c>/readyz</c> (every readiness check passes: informers synced, so a follower can take over at once).
/// </summary>
public sealed class ManagerEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ManagerEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ManagerEndpoint> StartAsync(
        ManagerEndpointOptions options, CollectorRegistry? registry, Func<bool> ready, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.Address, options.Port));
        var app = builder.Build();
        var metrics = registry ?? RuntimeMetrics.Registry;
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => ready() ? Results.Text("ok") : Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ManagerEndpoint(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
