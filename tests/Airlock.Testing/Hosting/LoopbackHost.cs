using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Testing.Hosting;

/// <summary>
/// A Kestrel server on 127.0.0.1 at a port the system picks, serving the routes the caller maps (over HTTPS when given a
/// certificate), with no logging; disposing it stops it.
/// </summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c> (<c>https://…</c> with a certificate).</summary>
    public Uri Address { get; }

    /// <summary>Starts a host whose routes <paramref name="map"/> adds; with <paramref name="certificate"/> it serves HTTPS only.</summary>
    public static async Task<LoopbackHost> StartAsync(Action<WebApplication> map, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null) listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
