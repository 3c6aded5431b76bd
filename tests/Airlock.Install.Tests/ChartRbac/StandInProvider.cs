using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Airlock.Install.Tests.ChartRbac;

/// <summary>An OpenAI-style provider on loopback that answers every chat call with one fixed completion (11 + 7 tokens).</summary>
public sealed class StandInProvider : IAsyncDisposable
{
    private const string Answer =
        """{"id":"c1","object":"chat.completion","model":"gpt-test","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}""";

    private readonly WebApplication _app;

    private StandInProvider(WebApplication app, Uri address)
    {
        _app = app;
        BaseUrl = new Uri(address, "/v1");
    }

    public Uri BaseUrl { get; }

    public static async Task<StandInProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Answer);
        });
        await app.StartAsync();
        return new StandInProvider(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
