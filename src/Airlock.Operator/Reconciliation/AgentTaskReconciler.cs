using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Operator.Governance.Approval;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Status;
using Airlock.Operator.Validation;
using Airlock.Runtime;
using Airlock.Runtime.Controllers;
using Airlock.Runtime.Events;
using Airlock.Stores.Audit;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// Turns an AgentTask into its sandbox (DESIGN.md, "Reconcile shape"): observed children from the caches, desired ones
/// from the pure builders, writes only for what differs, status from the pure calculator patched only when it changed,
/// and a requeue at the next deadline. Never writes the spec.
/// </summary>
public sealed partial class AgentTaskReconciler : IReconciler<AgentTask>
{
    /// <summary>Added to deadline requeues so the clock has surely passed the deadline when the task is looked at again.</summary>
    private static readonly TimeSpan DeadlineSlack = TimeSpan.FromMilliseconds(100);

    private readonly ISandboxObserver _observer;
    private readonly ISandboxWriter _writer;
    private readonly ITaskPolicySource _policies;
    private readonly IEventRecorder _events;
    private readonly RecentWrites _recent;
    private readonly SandboxSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IApprovalVerifier? _seal;
    private readonly IAuditLog? _audit;
    private readonly TimeSpan _startTimeout;

    /// <summary>
    /// Children (uid, desired hash) whose stored copy still differed after a patch: patching again would only loop, so
    /// they are left alone (and logged) until their desired state changes.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Uid, string Desired), byte> _unconverged = new();

    /// <param name="seal">Verifies approvals (<see cref="ApprovalSeal"/>); without one no approval counts (fail closed).</param>
    /// <param name="startTimeout">How long a sandbox pod may take to be Running (<see cref="AgentTaskStatusCalculator.DefaultStartTimeout"/> when null).</param>
    public AgentTaskReconciler(
        ISandboxObserver observer,
        ISandboxWriter writer,
        ITaskPolicySource policies,
        IEventRecorder events,
        RecentWrites recent,
        SandboxSettings settings,
        ILogger? logger = null,
        IApprovalVerifier? seal = null,
        IAuditLog? audit = null,
        TimeSpan? startTimeout = null)
    {
        _startTimeout = startTimeout ?? AgentTaskStatusCalculator.DefaultStartTimeout;
        _seal = seal;
        _audit = audit;
        _observer = observer;
        _writer = writer;
        _policies = policies;
        _events = events;
        _recent = recent;
        _settings = settings;
        _time = settings.Clock;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest<AgentTask> request, CancellationToken cancellationToken)
    {
        var task = _recent.Resolve(request.Key.Namespace, request.Key.Name, request.Object);
        if (task is null)
        {
            _recent.Forget<AgentTask>(request.Key.Namespace, request.Key.Name);
            return ReconcileResult.Done;
        }
        if (task.Metadata.DeletionTimestamp is not null) return await FinalizeAsync(task, cancellationToken).ConfigureAwait(false);
        task = await EnsureFinalizerAsync(task, cancellationToken).ConfigureAwait(false);

        var now = _time.GetUtcNow().UtcDateTime;
        var policy = _policies.For(task);
        var observed = _observer.Observe(task);
        var podGone = false;
        // The spec's fingerprint, once per reconcile: the pod builder stamps it and the calculator compares the pod's to it.
        var specHash = DesiredHash.OfSandboxSpec(task.Spec);
        var gate = Gate(task, policy, observed, now, specHash);
        StatusResult Compute() => AgentTaskStatusCalculator.Compute(task, Children(observed, podGone), now, gate, _startTimeout, specHash);
        var result = Compute();
        if (result.PodAbsenceUnconfirmed)
        {
            // A started task whose pod the cache lacks: ask the API server before calling the sandbox lost.
            var check = await SandboxLossCheck.RunAsync(_writer, task, observed, cancellationToken).ConfigureAwait(false);
            Log.SandboxChecked(_logger, task.Metadata.NamespaceProperty ?? "", task.Metadata.Name,
                check.Task is null ? "the task is gone" : check.Observed.Pod is not null ? "the pod exists" : check.PodGone ? "the pod is gone" : "the task already ended");
            if (check.Task is null) return ReconcileResult.Done;
            (task, observed, podGone) = (check.Task, check.Observed, check.PodGone);
            specHash = DesiredHash.OfSandboxSpec(task.Spec);
            gate = Gate(task, policy, observed, now, specHash);
            result = Compute();
        }

        // Only a Pending task gets (or completes) its sandbox: a Running one whose pod vanished is Failed by the calculator,
        // never given a replacement, and a terminal one is never rebuilt.
        if (result.Status.Phase == AgentTaskPhase.Pending || result.Status.Phase == AgentTaskPhase.Running)
        {
            var desired = AgentTaskSandbox.Build(task, policy, _settings, specHash);
            observed = await ApplyAsync(task, desired, observed, allowPodCreate: result.Status.Phase == AgentTaskPhase.Pending, cancellationToken).ConfigureAwait(false);
            result = Compute();
        }

        // The status first, then deletes: a pod deleted for an end that then failed to be written would leave a task that
        // looks started with nothing to show how it ended. A lost sandbox is written only over the task as just read.
        await UpdateStatusAsync(task, result.Status, guarded: podGone, cancellationToken).ConfigureAwait(false);
        if (result.ChildrenExpired)
        {
            await CleanUpAsync(task, observed, cancellationToken).ConfigureAwait(false);
        }
        else if ((result.StopSandbox || AgentTaskPhase.IsTerminal(result.Status.Phase)) && observed.Pod is { } pod && IsLive(pod))
        {
            // A terminal task never keeps a live sandbox (quarantined, rejected, not started in time, or a pod that outlived its end).
            await _writer.DeleteAsync(pod, cancellationToken).ConfigureAwait(false);
            _recent.Deleted(pod);
            Log.SandboxStopped(_logger, task.Metadata.NamespaceProperty ?? "", task.Metadata.Name, result.Status.Phase ?? "");
        }

        if (result.RequeueAt is not { } at) return ReconcileResult.Done;
        var delay = at - now;
        return ReconcileResult.After(delay > TimeSpan.Zero ? delay + DeadlineSlack : DeadlineSlack);
    }

    /// <summary>
    /// Governance before the sandbox exists: the task is checked again against the current policy (a stricter policy
    /// rejects a task still waiting), and an approval counts only when its seal verifies against the current spec.
    /// </summary>
    private TaskGate Gate(AgentTask task, EffectivePolicy policy, ObservedSandbox observed, DateTime now, string specHash)
    {
        var reason = ApprovalRules.Reason(task.Spec, policy);
        var (approval, problem) = _seal?.Verify(task)
            ?? (null, task.Metadata.Annotations?.ContainsKey(Api.AirlockAnnotations.ApprovedBy) == true ? "the operator has no approval key, so no approval counts" : null);
        var waiting = observed.Pod is null && task.Status?.StartTime is null && !AgentTaskPhase.IsTerminal(task.Status?.Phase);
        return new TaskGate
        {
            ApprovalRequired = reason is not null,
            ApprovalReason = reason,
            Approval = approval,
            ApprovalProblem = problem,
            PolicyProblems = waiting ? AgentTaskValidator.Validate(task, policy, now) : [],
            Tampering = observed.Pod is { } pod && IsLive(pod) ? PodTamper.Check(pod, task, specHash) : null,
        };
    }

    private static ObservedChildren Children(ObservedSandbox observed, bool podGone) => new(observed.Pod, observed.All.Count > 0, podGone);

    private static bool IsLive(V1Pod pod) => pod.Metadata.DeletionTimestamp is null && pod.Status?.Phase is not ("Succeeded" or "Failed");

    private async Task<ObservedSandbox> ApplyAsync(
        AgentTask task, SandboxObjects desired, ObservedSandbox observed, bool allowPodCreate, CancellationToken cancellationToken)
    {
        foreach (var change in SandboxPlan.Diff(desired, observed, allowPodCreate))
        {
            var key = change.Current is { } current ? (current.Metadata.Uid ?? "", DesiredHash.Read(change.Desired) ?? "") : default;
            if (change.Kind == ChildChangeKind.Patch && _unconverged.ContainsKey(key)) continue;
            var stored = change.Kind == ChildChangeKind.Create
                ? await _writer.CreateAsync(change.Desired, cancellationToken).ConfigureAwait(false)
                : await _writer.PatchAsync(change.Desired, change.Current!, cancellationToken).ConfigureAwait(false);
            _recent.Written(stored);
            observed = observed.With(stored);
            var ns = task.Metadata.NamespaceProperty ?? "";
            var kind = stored.Kind ?? change.Desired.Kind;
            Log.ChildWritten(_logger, ns, task.Metadata.Name, change.Kind.ToString(), kind, stored.Metadata.Name);
            if (change.RepairsDrift) await ReportDriftAsync(task, kind, stored.Metadata.Name, cancellationToken).ConfigureAwait(false);
            if (change.Kind == ChildChangeKind.Patch && DriftMarker.IsDrifted(stored) && _unconverged.TryAdd(key, 0))
            {
                Log.DriftUnresolved(_logger, ns, task.Metadata.Name, kind, stored.Metadata.Name);
            }
            if (stored is V1Pod pod)
            {
                _events.Record(task, EventTypes.Normal, "SandboxCreated", $"Created sandbox pod {pod.Metadata.Name} (runtime class {pod.Spec.RuntimeClassName})");
            }
        }
        foreach (var child in SandboxPlan.Unwanted(desired, observed))
        {
            await _writer.DeleteAsync(child, cancellationToken).ConfigureAwait(false);
            _recent.Deleted(child);
            observed = child is V1Role ? observed with { Role = null } : observed with { RoleBinding = null };
        }
        return observed;
    }

    /// <summary>A child changed outside Airlock was put back: a Warning Event on the task and an audit record.</summary>
    private async Task ReportDriftAsync(AgentTask task, string kind, string child, CancellationToken cancellationToken)
    {
        Log.DriftRepaired(_logger, task.Metadata.NamespaceProperty ?? "", task.Metadata.Name, kind, child);
        var message = $"{kind} {child} was changed outside Airlock; patched back to its desired state";
        _events.Record(task, EventTypes.Warning, "SandboxDriftRepaired", message);
        await AuditAsync("sandbox.drift", task, task.Status?.PodName, message, cancellationToken).ConfigureAwait(false);
    }

    private async Task AuditAsync(string kind, AgentTask task, string? pod, string? message, CancellationToken cancellationToken)
    {
        if (_audit is null) return;
        var entry = new AuditEntry(kind, task.Metadata.NamespaceProperty ?? "", task.Metadata.Name, pod, new JsonObject { ["message"] = message });
        await _audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    private static V1Condition? Completion(AgentTaskStatus status) =>
        status.Conditions?.FirstOrDefault(c => c.Type == AgentTaskConditionTypes.Completed && c.Status == "True");

    /// <summary>The TTL after the end has passed: every child goes, the task stays as the record.</summary>
    private async Task CleanUpAsync(AgentTask task, ObservedSandbox observed, CancellationToken cancellationToken)
    {
        var live = observed.All.Where(c => c.Metadata.DeletionTimestamp is null).ToList();
        if (live.Count == 0) return;
        foreach (var child in live)
        {
            await _writer.DeleteAsync(child, cancellationToken).ConfigureAwait(false);
            _recent.Deleted(child);
        }
        Log.CleanedUp(_logger, task.Metadata.NamespaceProperty ?? "", task.Metadata.Name, live.Count);
        var ttl = task.Spec.TtlSecondsAfterFinished ?? AgentTaskStatusCalculator.DefaultTtlSeconds;
        _events.Record(task, EventTypes.Normal, "SandboxDeleted", $"Deleted the sandbox ({live.Count} objects) {ttl}s after the task finished");
    }

    private async Task UpdateStatusAsync(AgentTask task, AgentTaskStatus status, bool guarded, CancellationToken cancellationToken)
    {
        if (task.Status is not null && !AgentTaskStatusCalculator.Differs(task.Status, status)) return;
        var updated = await _writer.PatchStatusAsync(task, status, cancellationToken, guarded).ConfigureAwait(false);
        _recent.Written(updated);
        var before = task.Status?.Phase;
        if (status.ApprovedBy is { } approver && task.Status?.ApprovedBy != approver)
        {
            _events.Record(task, EventTypes.Normal, "Approved", $"Approved by {approver} at {status.ApprovedAt:O}");
        }
        if (before == status.Phase) return;
        var ns = task.Metadata.NamespaceProperty ?? "";
        Log.PhaseChanged(_logger, ns, task.Metadata.Name, before ?? "(none)", status.Phase ?? "", status.Message ?? "");
        var message = status.Message ?? status.Phase ?? "";
        if (status.Phase == AgentTaskPhase.Quarantined) await AuditQuarantineAsync(task, status, cancellationToken).ConfigureAwait(false);
        if (Completion(status)?.Reason == AgentTaskConditionReasons.SandboxTampered) await AuditAsync("sandbox.tamper", task, status.PodName, status.Message, cancellationToken).ConfigureAwait(false);
        if (status.Phase is AgentTaskPhase.Failed or AgentTaskPhase.TimedOut or AgentTaskPhase.Rejected or AgentTaskPhase.Quarantined)
        {
            _events.Record(task, EventTypes.Warning, status.Phase, message);
        }
        else if (status.Phase is AgentTaskPhase.Running or AgentTaskPhase.Succeeded or AgentTaskPhase.AwaitingApproval)
        {
            _events.Record(task, EventTypes.Normal, status.Phase, message);
        }
        var specApplied = status.Conditions?.FirstOrDefault(c => c.Type == AgentTaskConditionTypes.SpecApplied);
        var specAppliedBefore = task.Status?.Conditions?.FirstOrDefault(c => c.Type == AgentTaskConditionTypes.SpecApplied);
        if (specApplied is { Status: "False" } && specAppliedBefore?.Status != "False")
        {
            _events.Record(task, EventTypes.Warning, AgentTaskConditionReasons.SpecChangedAfterStart, specApplied.Message ?? "");
        }
    }

    /// <summary>One audit record per quarantine: who (a person, or the operator on an anomaly signal) and why.</summary>
    private async Task AuditQuarantineAsync(AgentTask task, AgentTaskStatus status, CancellationToken cancellationToken)
    {
        if (_audit is null) return;
        var annotations = task.Metadata.Annotations ?? new Dictionary<string, string>();
        var data = new JsonObject
        {
            ["by"] = annotations.TryGetValue(Api.AirlockAnnotations.QuarantinedBy, out var by) ? by : null,
            ["reason"] = annotations.TryGetValue(Api.AirlockAnnotations.Quarantine, out var why) ? why : null,
            ["previousPhase"] = task.Status?.Phase,
            ["message"] = status.Message,
        };
        await _audit.AppendAsync(new AuditEntry("task.quarantine", task.Metadata.NamespaceProperty ?? "", task.Metadata.Name, status.PodName, data), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<AgentTask> EnsureFinalizerAsync(AgentTask task, CancellationToken cancellationToken)
    {
        if (TaskFinalizer.IsPresent(task)) return task;
        var finalizers = (task.Metadata.Finalizers ?? []).Append(TaskFinalizer.Name).ToList();
        var updated = await _writer.SetFinalizersAsync(task, finalizers, cancellationToken).ConfigureAwait(false);
        _recent.Written(updated);
        return updated;
    }

    /// <summary>The task is being deleted: delete its sandbox ourselves (whatever the propagation policy), then let it go.</summary>
    private async Task<ReconcileResult> FinalizeAsync(AgentTask task, CancellationToken cancellationToken)
    {
        if (!TaskFinalizer.IsPresent(task)) return ReconcileResult.Done;
        var observed = _observer.ObserveForCleanup(task);
        foreach (var child in observed.All.Where(c => c.Metadata.DeletionTimestamp is null))
        {
            await _writer.DeleteAsync(child, cancellationToken).ConfigureAwait(false);
            _recent.Deleted(child);
        }
        var finalizers = task.Metadata.Finalizers!.Where(f => f != TaskFinalizer.Name).ToList();
        var updated = await _writer.SetFinalizersAsync(task, finalizers, cancellationToken).ConfigureAwait(false);
        _recent.Written(updated);
        Log.Finalized(_logger, task.Metadata.NamespaceProperty ?? "", task.Metadata.Name, observed.All.Count);
        return ReconcileResult.Done;
    }
}
