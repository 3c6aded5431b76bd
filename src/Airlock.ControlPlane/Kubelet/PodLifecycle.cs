using k8s.Models;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>
/// The simulated pod lifecycle as a pure function: a pod, the RuntimeClasses that exist and the time in; the write to
/// make, the events to record and the next wake-up out. Pending → Running → Succeeded | Failed; terminal pods are left alone.
/// </summary>
public static class PodLifecycle
{
    /// <summary>Env var on the first container: a Go duration after which the containers exit.</summary>
    public const string ExitAfterVariable = "SIM_EXIT_AFTER";

    /// <summary>Env var on the first container: the exit code (default 0).</summary>
    public const string ExitCodeVariable = "SIM_EXIT_CODE";

    public const string DeadlineExceededReason = "DeadlineExceeded";
    public const string DeadlineExceededMessage = "Pod was active on the node longer than the specified deadline";
    public const string FailedSandboxReason = "FailedCreatePodSandBox";

    /// <summary>True when this kubelet may act on the pod at all: unscheduled or on this node, not terminal.</summary>
    public static bool IsActiveFor(V1Pod pod, string nodeName) =>
        !IsTerminal(pod) && (string.IsNullOrEmpty(pod.Spec?.NodeName) || pod.Spec.NodeName == nodeName);

    public static bool IsTerminal(V1Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    public static PodDecision Decide(V1Pod pod, PodLifecycleContext context)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(context);
        var nodeName = pod.Spec?.NodeName;
        var onThisNode = nodeName == context.NodeName;
        if (pod.Metadata?.DeletionTimestamp is not null)
        {
            // The API server waits for the pod's node to confirm a graceful deletion; unbound pods go at once.
            var canConfirm = onThisNode && (pod.Metadata.Finalizers is null || pod.Metadata.Finalizers.Count == 0);
            return canConfirm ? new PodDecision { ConfirmDeletion = true, Events = IsRunning(pod) ? KillingEvents(pod) : [] } : PodDecision.Nothing;
        }
        if (!IsActiveFor(pod, context.NodeName)) return PodDecision.Nothing;

        if (!IsRunning(pod))
        {
            var runtimeClass = pod.Spec?.RuntimeClassName;
            if (!string.IsNullOrEmpty(runtimeClass) && !context.RuntimeClasses.Contains(runtimeClass))
            {
                if (PodStatuses.IsWaitingForRuntimeClass(pod, runtimeClass)) return PodDecision.Nothing;
                return new PodDecision
                {
                    Status = PodStatuses.WaitingForRuntimeClass(pod, runtimeClass, context.Now),
                    Events = [new(KubeletEvent.Warning, FailedSandboxReason,
                        $"Failed to create pod sandbox: RuntimeClass \"{runtimeClass}\" not found", KubeletEvent.KubeletComponent)],
                };
            }
            if (string.IsNullOrEmpty(nodeName))
            {
                return new PodDecision
                {
                    BindTo = context.NodeName,
                    Events = [new(KubeletEvent.Normal, "Scheduled",
                        $"Successfully assigned {pod.Metadata?.NamespaceProperty}/{pod.Metadata?.Name} to {context.NodeName}", KubeletEvent.SchedulerComponent)],
                };
            }
            var running = PodStatuses.Running(pod, context.PodIp, context.Now);
            return new PodDecision
            {
                Status = running,
                Events = Containers(pod).Select(c => new KubeletEvent(KubeletEvent.Normal, "Started", $"Started container {c.Name}", KubeletEvent.KubeletComponent)).ToList(),
                WakeAt = NextDeadline(pod, context.Now),
            };
        }

        var started = StartTime(pod);
        var exitAt = ExitAt(pod, started);
        var deadlineAt = DeadlineAt(pod, started);
        var exitDue = exitAt is { } e && e <= context.Now;
        var deadlineDue = deadlineAt is { } d && d <= context.Now;
        if (deadlineDue && (!exitDue || deadlineAt < exitAt))
        {
            var events = new List<KubeletEvent> { new(KubeletEvent.Normal, DeadlineExceededReason, DeadlineExceededMessage, KubeletEvent.KubeletComponent) };
            events.AddRange(KillingEvents(pod));
            return new PodDecision { Status = PodStatuses.DeadlineExceeded(pod, deadlineAt!.Value), Events = events };
        }
        if (exitDue) return new PodDecision { Status = PodStatuses.Exited(pod, ExitCode(pod), exitAt!.Value) };
        return new PodDecision { WakeAt = Earliest(exitAt, deadlineAt) };
    }

    /// <summary>When a pod starting at <paramref name="startTime"/> must be looked at again, if ever.</summary>
    public static DateTimeOffset? NextDeadline(V1Pod pod, DateTimeOffset startTime) =>
        Earliest(ExitAt(pod, startTime), DeadlineAt(pod, startTime));

    /// <summary>startTime + SIM_EXIT_AFTER of the first container, when that is a valid non-negative Go duration.</summary>
    public static DateTimeOffset? ExitAt(V1Pod pod, DateTimeOffset startTime)
    {
        var value = FirstContainerEnv(pod, ExitAfterVariable);
        return GoDuration.TryParse(value, out var after) ? startTime + (after < TimeSpan.Zero ? TimeSpan.Zero : after) : null;
    }

    /// <summary>startTime + spec.activeDeadlineSeconds, when set.</summary>
    public static DateTimeOffset? DeadlineAt(V1Pod pod, DateTimeOffset startTime) =>
        pod.Spec?.ActiveDeadlineSeconds is { } seconds ? startTime.AddSeconds(Math.Max(0, seconds)) : null;

    /// <summary>SIM_EXIT_CODE of the first container; 0 when absent, 1 when not an integer (a crashed program).</summary>
    public static int ExitCode(V1Pod pod)
    {
        var value = FirstContainerEnv(pod, ExitCodeVariable);
        if (string.IsNullOrEmpty(value)) return 0;
        return int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 1;
    }

    internal static IReadOnlyList<V1Container> Containers(V1Pod pod) => pod.Spec?.Containers?.ToList() ?? [];

    private static bool IsRunning(V1Pod pod) => pod.Status?.Phase == "Running" && pod.Status.StartTime is not null;

    private static DateTimeOffset StartTime(V1Pod pod) => new(DateTime.SpecifyKind(pod.Status!.StartTime!.Value, DateTimeKind.Utc));

    private static IReadOnlyList<KubeletEvent> KillingEvents(V1Pod pod) =>
        Containers(pod).Select(c => new KubeletEvent(KubeletEvent.Normal, "Killing", $"Stopping container {c.Name}", KubeletEvent.KubeletComponent)).ToList();

    private static string? FirstContainerEnv(V1Pod pod, string name) =>
        pod.Spec?.Containers?.FirstOrDefault()?.Env?.FirstOrDefault(e => e.Name == name)?.Value;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);
}
