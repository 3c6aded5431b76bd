using Airlock.Api.Policies;
using Airlock.Api.Tasks;
using Airlock.Operator.Governance.Approval;
using Airlock.Operator.Governance.PolicyStatus;
using Airlock.Operator.Governance.Quarantine;
using Airlock.Operator.Reconciliation;
using Airlock.Runtime.Controllers;
using Airlock.Runtime.Events;
using Airlock.Runtime.Health;
using Airlock.Runtime.Informers;
using Airlock.Runtime.Leadership;
using Airlock.Runtime.Memory;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Airlock.Operator.Hosting;

/// <summary>
/// The operator process: shared informers, the AgentTask controller (<c>For&lt;AgentTask&gt;</c>, <c>Owns</c> of its six
/// child kinds), optional leader election on the Lease <c>airlock-operator</c>, and the health/metrics endpoint.
/// Informers run on every replica (warm caches); only the leader reconciles.
/// </summary>
public sealed partial class OperatorHost : IAsyncDisposable
{
    /// <summary>Children informers watch only what Airlock created.</summary>
    public static readonly string ChildSelector = $"{Api.AirlockLabels.ManagedBy}={Api.AirlockLabels.ManagedByValue}";

    /// <summary>
    /// The quarantine controller reads only Warning Events about AgentTasks (AnomalyEvents): the API server filters the
    /// rest (every Normal event of every pod and task) out of the watch, so they are never cached.
    /// </summary>
    public const string AnomalyEventSelector = "type=Warning,involvedObject.kind=" + AgentTask.KubeKind;

    private readonly IKubernetes _client;
    private readonly OperatorSettings _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SharedInformerFactory _informers;
    private readonly Controller<AgentTask> _controller;
    private readonly LeaderElection? _election;
    private readonly ControllerManager _manager;
    private readonly EventRecorder _events;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private Task? _settling;
    private ManagerEndpoint? _health;

    public OperatorHost(IKubernetes client, OperatorSettings? settings = null, ILoggerFactory? loggerFactory = null)
    {
        _client = client;
        _settings = settings ?? new OperatorSettings();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<OperatorHost>();
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var taskScope = new InformerScope(_settings.WatchNamespace);
        var childScope = new InformerScope(_settings.WatchNamespace, ChildSelector);
        // Cached objects keep only what the operator reads, with shared strings (CacheTransforms): ~10k tasks and their
        // children stay within the memory goal of docs/benchmarks.md. Drift is marked first, while the content is still there.
        var transform = DriftMarker.Before(CacheTransforms.ForControllers());
        _informers = new SharedInformerFactory(
            new KubernetesListWatchProvider(client), new InformerOptions { Time = _settings.Time, Transform = transform }, _loggerFactory);
        var sandbox = _settings.Sandbox with { SystemNamespace = _settings.SystemNamespace, Clock = _settings.Time };
        if (_settings.Cilium is not null) sandbox = Egress.CiliumPolicyController.Sandbox(sandbox);
        // What the reconciler wrote is kept as the caches would keep it (a burst leaves thousands of written pods here).
        Recent = new RecentWrites(_settings.Time, transform);
        var policyInformer = _informers.GetInformer<ClusterAgentPolicy>();
        var namespaceInformer = _informers.GetInformer<V1Namespace>();
        var taskInformer = _informers.GetInformer<AgentTask>(taskScope);
        var policies = new ClusterPolicySource(policyInformer, namespaceInformer);
        Policies = policies;
        ApprovalSeal = new ApprovalSealSlot { Seal = _settings.ApprovalSeal };
        SignalSeal = new SignalSealSlot { Seal = _settings.SignalSeal };
        var reconciler = new AgentTaskReconciler(
            new InformerSandboxObserver(_informers, childScope, Recent),
            new KubernetesSandboxWriter(client),
            policies,
            _events = new EventRecorder(new KubernetesEventSink(client), OperatorInfo.FieldManager, new EventRecorderOptions { Time = _settings.Time },
                _loggerFactory.CreateLogger<EventRecorder>()),
            Recent,
            sandbox,
            _loggerFactory.CreateLogger<AgentTaskReconciler>(),
            ApprovalSeal,
            _settings.Audit,
            _settings.SandboxStartTimeout);
        _controller = ControllerBuilder.Create("agenttask", _informers)
            .For<AgentTask>(taskScope)
            .Owns<V1Pod>(childScope)
            .Owns<V1ServiceAccount>(childScope)
            .Owns<V1ConfigMap>(childScope)
            .Owns<V1NetworkPolicy>(childScope)
            .Owns<V1Role>(childScope)
            .Owns<V1RoleBinding>(childScope)
            // A policy or namespace-label change re-checks the tasks still waiting for their sandbox (a running sandbox is
            // immutable); watching them also makes the controller wait until their caches have synced.
            .Watches<ClusterAgentPolicy>(_ => WaitingTasks(taskInformer, null))
            .Watches<V1Namespace>(ns => WaitingTasks(taskInformer, ns.Metadata.Name))
            // The watch echoes of the reconciler's own writes (its creates, patches and status updates) reconcile nothing new:
            // skipping them halves the reconciles per task (each rebuilds the desired sandbox) and the garbage of a burst.
            .WithOptions(new ControllerOptions { MaxConcurrentReconciles = _settings.Workers, Time = _settings.Time, IgnoreEcho = Recent.IsEcho })
            .WithLogging(_loggerFactory)
            .WithMetrics(Registry)
            .Build(reconciler);
        if (_settings.LeaderElection)
        {
            _election = LeaderElection.ForLease(
                client,
                new LeaderElectionOptions
                {
                    LeaseNamespace = _settings.SystemNamespace,
                    LeaseName = _settings.LeaseName,
                    Identity = _settings.Identity,
                    LeaseDuration = _settings.LeaseDuration,
                    RenewDeadline = _settings.RenewDeadline,
                    RetryPeriod = _settings.RetryPeriod,
                },
                _loggerFactory.CreateLogger<LeaderElection>(),
                Registry);
        }
        var policyStatus = new PolicyStatusReconciler(policyInformer, namespaceInformer, new KubernetesPolicyStatusWriter(client), _settings.Time);
        var policyController = ControllerBuilder.Create("clusteragentpolicy", _informers)
            .For<ClusterAgentPolicy>()
            .Watches<V1Namespace>(_ => policyStatus.AllPolicies())
            .WithOptions(new ControllerOptions { MaxConcurrentReconciles = 1, Time = _settings.Time })
            .WithLogging(_loggerFactory)
            .WithMetrics(Registry)
            .Build(policyStatus);
        var quarantine = new QuarantineController(
            _informers.GetInformer<Corev1Event>(new InformerScope(_settings.WatchNamespace, FieldSelector: AnomalyEventSelector)), taskInformer, _settings.AnomalySources,
            new KubernetesTaskQuarantiner(client), SignalSeal, new QuarantineMetrics(Registry), _loggerFactory.CreateLogger<QuarantineController>());
        IRunnable[] runnables = _settings.Cilium is { } cilium
            ? [_controller, policyController, quarantine, Egress.CiliumPolicyController.Create(_informers, client, _settings.WatchNamespace, sandbox, cilium,
                new ControllerOptions { MaxConcurrentReconciles = 2, Time = _settings.Time }, _loggerFactory, Registry)]
            : [_controller, policyController, quarantine];
        _manager = new ControllerManager(_informers, runnables, _election);
    }

    public OperatorSettings Settings => _settings;

    /// <summary>The effective policy of any namespace, from the informer caches (what the webhooks judge with).</summary>
    public ClusterPolicySource Policies { get; }

    /// <summary>Verifies approvals; holds the seal once its key is loaded.</summary>
    public ApprovalSealSlot ApprovalSeal { get; }

    /// <summary>Verifies the seals of anomaly Events; holds the seal once its key is loaded.</summary>
    public SignalSealSlot SignalSeal { get; }

    /// <summary>This host's metrics (controller and work-queue series).</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>The reconciler's memory of its own writes (diagnostics).</summary>
    public RecentWrites Recent { get; }

    /// <summary>True while this replica reconciles: always without leader election, else while it holds the Lease.</summary>
    public bool IsLeader => _election?.IsLeader ?? _controller.Queue is not null;

    /// <summary>The holder of the Lease as this replica last saw it (null without leader election).</summary>
    public string? CurrentLeader => _election?.CurrentLeader;

    /// <summary>True once every informer has listed.</summary>
    public bool IsReady => _informers.HasSynced;

    /// <summary>Where /metrics, /healthz and /readyz are served, once started (null when disabled).</summary>
    public Uri? HealthAddress => _health?.Address;

    /// <summary>Runs until cancelled: CRDs (when asked), health endpoint, informers, then the controller (as leader).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Starts everything in the background and returns once the health endpoint is up.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_stop is not null) throw new InvalidOperationException("already started");
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_settings.InstallCrds) await CrdInstaller.EnsureAsync(_client, cancellationToken).ConfigureAwait(false);
        ApprovalSeal.Seal ??= await ApprovalKeyStore.LoadOrCreateAsync(_client, _settings.SystemNamespace, cancellationToken).ConfigureAwait(false);
        SignalSeal.Seal ??= await SignalKeyStore.LoadOrCreateAsync(_client, _settings.SystemNamespace, cancellationToken).ConfigureAwait(false);
        if (_settings.HealthAddress is { } address)
        {
            var endpoint = HostPort.Parse(address);
            _health = await ManagerEndpoint.StartAsync(
                new ManagerEndpointOptions { Address = endpoint.Address, Port = endpoint.Port }, Registry, () => IsReady, cancellationToken).ConfigureAwait(false);
        }
        var stop = _stop.Token;
        _running = Task.Run(() => _manager.RunAsync(stop), CancellationToken.None);
        if (_settings.HeapSettling is { } settling)
        {
            var settler = new HeapSettler(settling, logger: _loggerFactory.CreateLogger<HeapSettler>());
            _settling = Task.Run(() => settler.RunAsync(stop), CancellationToken.None);
        }
        await StartWebhooksAsync(cancellationToken).ConfigureAwait(false);
        Log.Started(_logger, _settings.Identity, _settings.LeaderElection, _health?.Address.ToString() ?? "(none)");
    }

    /// <summary>Stops reconciling (and releases the Lease), then the informers and the endpoint.</summary>
    public async Task StopAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_running is not null) await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_settling is not null) await _settling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await StopWebhooksAsync().ConfigureAwait(false);
        if (_health is not null) await _health.DisposeAsync().ConfigureAwait(false);
        _health = null;
        _running = null;
        _settling = null;
        Log.Stopped(_logger, _settings.Identity);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _events.DisposeAsync().ConfigureAwait(false);
        _stop?.Dispose();
    }

    /// <summary>Tasks whose sandbox does not exist yet (no phase, Pending or AwaitingApproval), in one namespace or all.</summary>
    private static IEnumerable<Runtime.ObjectKey> WaitingTasks(ISharedInformer<AgentTask> tasks, string? @namespace) =>
        (@namespace is null ? tasks.Cache.List() : tasks.Cache.ByNamespace(@namespace))
            .Where(t => t.Status?.Phase is null or AgentTaskPhase.Pending or AgentTaskPhase.AwaitingApproval && t.Status?.StartTime is null)
            .Select(Runtime.ObjectKey.Of);

    private static partial class Log
    {
        [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "airlock-operator {Identity} started (leader election: {LeaderElection}, health: {Health})")]
        public static partial void Started(ILogger logger, string identity, bool leaderElection, string health);

        [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "airlock-operator {Identity} stopped")]
        public static partial void Stopped(ILogger logger, string identity);
    }
}
