using System.Threading.Channels;
using Airlock.Api.Tasks;
using Airlock.Runtime.Controllers;
using Airlock.Runtime.Events;
using Airlock.Runtime.Informers;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>
/// Turns anomaly signals into quarantine while this replica leads: Warning Events of the gateway and the egress proxy on
/// AgentTasks (<see cref="AnomalyEvents"/>) and any in-process <see cref="IAnomalySource"/>. A report that applies
/// (<see cref="QuarantineDecision"/>) makes the task's quarantine annotation; the reconciler then deletes the pod. An
/// anomaly Event whose signal seal does not verify is ignored, counted, and logged once per namespace and reason.
/// </summary>
public sealed partial class QuarantineController : IRunnable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private const int Attempts = 5;

    private readonly ISharedInformer<Corev1Event> _events;
    private readonly ISharedInformer<AgentTask> _tasks;
    private readonly IReadOnlyList<IAnomalySource> _sources;
    private readonly ITaskQuarantiner _quarantiner;
    private readonly SignalSealSlot _seal;
    private readonly SignalRefusals _refusals;
    private readonly ILogger _logger;

    public QuarantineController(
        ISharedInformer<Corev1Event> events, ISharedInformer<AgentTask> tasks, IReadOnlyList<IAnomalySource> sources, ITaskQuarantiner quarantiner,
        SignalSealSlot seal, QuarantineMetrics metrics, ILogger logger)
    {
        _events = events;
        _tasks = tasks;
        _sources = sources;
        _quarantiner = quarantiner;
        _seal = seal;
        _refusals = new SignalRefusals(metrics);
        _logger = logger;
    }

    public string Name => "quarantine";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reports = Channel.CreateUnbounded<AnomalyReport>(new UnboundedChannelOptions { SingleReader = true });
        void Offer(Corev1Event e)
        {
            if (AnomalyEvents.From(e, _seal.Seal, out var refused) is { } report) reports.Writer.TryWrite(report);
            else if (refused != SignalSealProblem.None) Refuse(e, refused);
        }
        var subscriptions = new List<IDisposable>
        {
            _events.AddEventHandler(new ResourceEventHandler<Corev1Event> { Added = (e, _) => Offer(e), Updated = (_, e) => Offer(e) }),
        };
        subscriptions.AddRange(_sources.Select(s => s.Subscribe(r => reports.Writer.TryWrite(r))));
        try
        {
            await foreach (var report in reports.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(report, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Leadership or the process ended.
        }
        finally
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    private void Refuse(Corev1Event e, SignalSealProblem problem)
    {
        var target = e.InvolvedObject;
        var @namespace = target?.NamespaceProperty ?? e.Metadata?.NamespaceProperty ?? "";
        var reason = e.Reason ?? "";
        if (_refusals.Count(@namespace, reason, problem))
        {
            Log.Refused(_logger, LogSafe.Text(reason), LogSafe.Text(@namespace), LogSafe.Text(target?.Name), LogSafe.Text(e.Metadata?.Name),
                LogSafe.Text(SignalSeal.Component(e)), QuarantineMetrics.Label(problem));
        }
    }

    private async Task HandleAsync(AnomalyReport report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var task = _tasks.Cache.Get(report.Namespace, report.Task);
            if (QuarantineDecision.Reason(task, report) is not { } reason) return;
            try
            {
                await _quarantiner.QuarantineAsync(task!, reason, cancellationToken).ConfigureAwait(false);
                Log.Quarantined(_logger, report.Namespace, report.Task, reason);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Failed(_logger, report.Namespace, report.Task, attempt, e.Message);
                await Task.Delay(RetryDelay * attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 70, Level = LogLevel.Warning, Message = "quarantining {Namespace}/{Name}: {Reason}")]
        public static partial void Quarantined(ILogger logger, string @namespace, string name, string reason);

        [LoggerMessage(EventId = 72, Level = LogLevel.Warning, Message = "ignoring anomaly Event {Reason} on {Namespace}/{Name} (Event {EventName}, component {Component}): its signal seal is {Seal}, so nothing proves the gateway or the egress proxy wrote it (or they hold another signal key); further ones with this reason in this namespace are only counted in airlock_operator_anomaly_signals_refused_total")]
        public static partial void Refused(ILogger logger, string reason, string @namespace, string name, string eventName, string component, string seal);

        [LoggerMessage(EventId = 71, Level = LogLevel.Error, Message = "could not quarantine {Namespace}/{Name} (attempt {Attempt}): {Reason}")]
        public static partial void Failed(ILogger logger, string @namespace, string name, int attempt, string reason);
    }
}
