using System.Net;
using Airlock.Runtime.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Airlock.Operator.Hosting;

/// <summary>Plain-HTTP <c>/metrics</c> (Prometheus text), <c>/healthz</c> (the process lives) and <c>/readyz</c> (caches synced).</summary>
public sealed class HealthServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HealthServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public Uri Address { get; }

    public static async Task<HealthServer> StartAsync(string hostPort, CollectorRegistry registry, Func<bool> ready, CancellationToken cancellationToken)
    {
        var endpoint = ParseEndpoint(hostPort);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(endpoint);
        });
        var app = builder.Build();
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await context.Response.WriteAsync(await RuntimeMetrics.ExportTextAsync(registry, context.RequestAborted).ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false);
        });
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => ready() ? Results.Text("ok\n") : Results.Text("informer caches not synced\n", statusCode: 503));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HealthServer(app, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary><c>host:port</c>, <c>:port</c> (all interfaces) or a bare port (loopback).</summary>
    public static IPEndPoint ParseEndpoint(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        var host = colon < 0 ? "127.0.0.1" : hostPort[..colon].Trim('[', ']');
        var portText = colon < 0 ? hostPort : hostPort[(colon + 1)..];
        if (!int.TryParse(portText, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            throw new FormatException($"\"{hostPort}\" is not host:port");
        }
        var address = host.Length == 0 ? IPAddress.Any : host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(host);
        return new IPEndPoint(address, port);
    }

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Forced stop.
        }
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
