using System.Net;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Gateway.Anomaly;
using Airlock.Gateway.Auth;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Metrics;
using Airlock.Gateway.Providers;
using Airlock.Gateway.Serving;
using Airlock.Gateway.Tasks;
using Airlock.Gateway.Usage;
using Airlock.Runtime.Events;
using Airlock.Runtime.Health;
using Airlock.Runtime.Informers;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// One running gateway: Kestrel serving the OpenAI- and Anthropic-compatible routes on <see cref="Address"/>, informers over
/// pods and AgentTasks, the usage recorder, the anomaly detector and the audit retention loop.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SharedInformerFactory _informers;
    private readonly EventRecorder _events;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop;
    private readonly Task _retention;
    private readonly ManagerEndpoint? _metricsEndpoint;

    private GatewayServer(WebApplication app, SharedInformerFactory informers, EventRecorder events, HttpClient http, CancellationTokenSource stop, Task retention,
        ManagerEndpoint? metricsEndpoint, Uri address, GatewayMetrics metrics, AnomalySignalHub signals, TaskUsageRecorder usage, TaskDirectory tasks)
    {
        _app = app;
        _informers = informers;
        _events = events;
        _http = http;
        _stop = stop;
        _retention = retention;
        _metricsEndpoint = metricsEndpoint;
        Address = address;
        Metrics = metrics;
        Signals = signals;
        Usage = usage;
        Tasks = tasks;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>; agents use <c>{Address}/v1</c> as their OpenAI base URL.</summary>
    public Uri Address { get; }

    public GatewayMetrics Metrics { get; }

    /// <summary>The /metrics, /healthz, /readyz endpoint, when one was asked for.</summary>
    public Uri? MetricsAddress => _metricsEndpoint?.Address;

    public IAnomalySignals Signals { get; }

    public TaskUsageRecorder Usage { get; }

    public TaskDirectory Tasks { get; }

    public static Task<GatewayServer> StartAsync(GatewayOptions options, GatewayDependencies dependencies, CancellationToken cancellationToken = default) =>
        StartAsync(options, dependencies, options.MetricsPort is { } port ? new IPEndPoint(options.Address, port) : null, cancellationToken);

    /// <summary>Starts the gateway with /metrics, /healthz and /readyz on <paramref name="metricsEndpoint"/> (its own address; null: none).</summary>
    public static async Task<GatewayServer> StartAsync(
        GatewayOptions options, GatewayDependencies dependencies, IPEndPoint? metricsEndpoint, CancellationToken cancellationToken = default)
    {
        var loggerFactory = dependencies.LoggerFactory ?? NullLoggerFactory.Instance;
        var time = dependencies.Time;
        var client = dependencies.Client;
        var metrics = new GatewayMetrics();
        var signals = new AnomalySignalHub();

        var informers = new SharedInformerFactory(new KubernetesListWatchProvider(client), loggerFactory: loggerFactory);
        var pods = informers.GetInformer<V1Pod>(new InformerScope(LabelSelector: AirlockLabels.Task));
        var tasks = informers.GetInformer<AgentTask>();
        informers.Start(CancellationToken.None);
        var directory = new TaskDirectory(pods, tasks);

        var events = new EventRecorder(new KubernetesEventSink(client), "airlock-gateway", logger: loggerFactory.CreateLogger<EventRecorder>());
        var sealedEvents = dependencies.SignalSeal is { } seal ? new SealedSignalRecorder(events, seal, time) : null;
        if (sealedEvents is null)
        {
            loggerFactory.CreateLogger<GatewayServer>().LogError(
                "no signal key (--signal-key-file): anomalies are counted and published in process but written as no Event, so they never quarantine a task");
        }
        var detector = new AnomalyDetector(options.Anomaly, time, signal =>
        {
            metrics.Anomalies.WithLabels(signal.Namespace, signal.Task, signal.Kind.ToString()).Inc();
            if (sealedEvents is not null && directory.FindTask(signal.Namespace, signal.Task) is { } task) sealedEvents.Record(task, "Anomaly" + signal.Kind, signal.Message);
            signals.Publish(signal);
        });
        var usage = new TaskUsageRecorder(client, options.UsageFlushInterval, loggerFactory.CreateLogger<TaskUsageRecorder>());
        usage.Start();

        var reviewer = new CachingTokenReviewer(dependencies.TokenReviewer ?? new KubernetesTokenReviewer(client), time, options.TokenCacheMaxAge);
        var authenticator = new CallerAuthenticator(reviewer, directory, metrics);
        var providers = new ProviderRegistry(options.Providers, time);
        var http = UpstreamClient.CreateHttpClient(options.UpstreamTimeout);
        var handler = new ModelCallHandler(authenticator, providers, dependencies.Limits, new GuardrailCheck(dependencies.Scanner, options.Guardrails),
            dependencies.Audit, usage, detector, metrics, new UpstreamClient(http, metrics), loggerFactory.CreateLogger<ModelCallHandler>());
        var models = new ModelsEndpoint(authenticator, providers, http);

        // No configuration reload: it would watch the working directory tree, and every audit commit beneath it woke the watcher.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        // Per-request lines (request starting/finished, endpoint executing) would cost every call a few formatted log
        // lines; the gateway's own metrics and audit log record each call already. Warnings and errors still pass.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Listen(options.Address, options.Port);
        });
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", context => handler.HandleAsync(context, ModelRoute.ChatCompletions));
        app.MapPost("/v1/embeddings", context => handler.HandleAsync(context, ModelRoute.Embeddings));
        app.MapPost("/v1/messages", context => handler.HandleAsync(context, ModelRoute.Messages));
        app.MapGet("/v1/models", models.HandleAsync);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => directory.HasSynced ? Results.Text("ok") : Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapFallback(context => ErrorResponses.WriteAsync(context, ApiFlavor.OpenAi,
            new GatewayError(404, "not_found", $"{context.Request.Method} {context.Request.Path} is not served by the Airlock gateway")));

        var stop = new CancellationTokenSource();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        var metricsServer = metricsEndpoint is { } at
            ? await ManagerEndpoint.StartAsync(new ManagerEndpointOptions { Address = at.Address, Port = at.Port }, metrics.Registry, () => directory.HasSynced, cancellationToken).ConfigureAwait(false)
            : null;
        using (var sync = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // Serve at once; callers get 503 until the caches are filled (they may not be when the CRD is not installed yet).
            sync.CancelAfter(TimeSpan.FromSeconds(30));
            await informers.WaitForCacheSyncAsync(sync.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var retention = Task.Run(() => AuditRetentionLoop.RunAsync(dependencies.Audit, options.AuditRetention, time, stop.Token), CancellationToken.None);
        return new GatewayServer(app, informers, events, http, stop, retention, metricsServer, address, metrics, signals, usage, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _retention.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_metricsEndpoint is not null) await _metricsEndpoint.DisposeAsync().ConfigureAwait(false);
        await Usage.DisposeAsync().ConfigureAwait(false);
        await _informers.DisposeAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
        _stop.Dispose();
    }
}
