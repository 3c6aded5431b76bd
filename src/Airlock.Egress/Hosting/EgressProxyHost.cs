using Airlock.Egress.Accounting;
using Airlock.Egress.Audit;
using Airlock.Egress.Debug;
using Airlock.Egress.Identity;
using Airlock.Egress.Matching;
using Airlock.Egress.Proxy;
using Airlock.Egress.Resolution;
using Airlock.Runtime.Events;
using Airlock.Runtime.Health;
using Airlock.Runtime.Informers;
using Airlock.Stores.Audit;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Airlock.Egress.Hosting;

/// <summary>
/// The running egress proxy against one cluster: informers for pods and tasks, the listening server, the usage writer and
/// the anomaly Events. <see cref="StartAsync"/> returns once the caches are synced and the socket listens.
/// </summary>
public sealed class EgressProxyHost : IAsyncDisposable
{
    private readonly SharedInformerFactory _informers;
    private readonly EgressProxyServer _server;
    private readonly EventRecorder _events;
    private readonly CancellationTokenSource _stop;
    private readonly Task _usageLoop;
    private readonly ManagerEndpoint? _metricsEndpoint;

    private EgressProxyHost(
        SharedInformerFactory informers, EgressProxyServer server, EventRecorder events, CancellationTokenSource stop, Task usageLoop,
        IAuditLog auditLog, CollectorRegistry metrics, ICallerDirectory directory, ManagerEndpoint? metricsEndpoint)
    {
        _metricsEndpoint = metricsEndpoint;
        _informers = informers;
        _server = server;
        _events = events;
        _stop = stop;
        _usageLoop = usageLoop;
        AuditLog = auditLog;
        Metrics = metrics;
        Directory = directory;
    }

    public System.Net.IPEndPoint Endpoint => _server.Endpoint;

    /// <summary><c>http://ADDRESS:PORT</c>: what HTTPS_PROXY/HTTP_PROXY point at.</summary>
    public string ProxyUrl => $"http://{Endpoint}";

    public IAuditLog AuditLog { get; }

    /// <summary><c>http://ADDRESS:PORT/</c> of /metrics, /healthz and /readyz, when <see cref="EgressProxyOptions.MetricsEndpoint"/> is set.</summary>
    public Uri? MetricsAddress => _metricsEndpoint?.Address;

    public CollectorRegistry Metrics { get; }

    public ICallerDirectory Directory { get; }

    public int OpenConnections => _server.OpenConnections;

    public static async Task<EgressProxyHost> StartAsync(IKubernetes client, EgressProxyOptions options, CancellationToken cancellationToken = default)
    {
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Airlock.Egress");
        var informers = new SharedInformerFactory(new KubernetesListWatchProvider(client), loggerFactory: loggerFactory);
        var directory = new InformerCallerDirectory(informers);
        var registry = options.Metrics ?? Prometheus.Metrics.NewCustomRegistry();
        var stop = new CancellationTokenSource();
        ManagerEndpoint? metricsEndpoint = null;
        try
        {
            // Served before the caches sync so the kubelet sees the process alive; ready only once pods and tasks are known,
            // since an unsynced proxy would refuse every agent as unknown.
            if (options.MetricsEndpoint is { } at)
            {
                metricsEndpoint = await ManagerEndpoint.StartAsync(
                    new ManagerEndpointOptions { Address = at.Address, Port = at.Port }, registry, () => directory.HasSynced, cancellationToken).ConfigureAwait(false);
            }
            informers.Start(stop.Token);
            await informers.WaitForCacheSyncAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (metricsEndpoint is not null) await metricsEndpoint.DisposeAsync().ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await informers.DisposeAsync().ConfigureAwait(false);
            stop.Dispose();
            throw;
        }
        var audit = options.AuditLog ?? new MemoryAuditLog(time: options.Time);
        var events = new EventRecorder(new KubernetesEventSink(client), "airlock-egress", new EventRecorderOptions { Time = options.Time }, logger);
        var usage = new UsageBatcher(new KubernetesUsagePatcher(client), directory, options.UsageFlushInterval, logger);
        IEgressAnomalySink anomalies = options.SignalSeal is { } seal
            ? new EventAnomalySink(new SealedSignalRecorder(events, seal, options.Time), directory)
            : new UnreportedAnomalySink();
        if (options.SignalSeal is null)
        {
            logger.LogError("no signal key (--signal-key-file): repeated egress denials are counted and logged but written as no anomaly Event, so they never quarantine a task");
        }
        var accounting = new EgressAccounting(
            audit, new EgressMetrics(registry), usage, new DenialAnomalyDetector(options.AnomalyThreshold, options.AnomalyWindow, options.Time),
            anomalies, logger);
        var services = new ProxyServices(
            options.Limits, directory, new DnsHostResolver(options.ResolveOverrides), new AddressPolicy(options.InternalRanges), accounting,
            new KubernetesDebugAuthorizer(client), new TaskQuotas(options.Limits), options.Time, logger);
        var server = new EgressProxyServer(services, options.Listen);
        server.Start();
        var usageLoop = Task.Run(() => usage.RunAsync(stop.Token), CancellationToken.None);
        return new EgressProxyHost(informers, server, events, stop, usageLoop, audit, registry, directory, metricsEndpoint);
    }

    public async ValueTask DisposeAsync()
    {
        if (_metricsEndpoint is not null) await _metricsEndpoint.DisposeAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await _usageLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _informers.DisposeAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
