using System.Security.Cryptography;
using System.Text;
using k8s.Models;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>Builds the pod statuses the simulated kubelet writes. Pure; never mutates the pod it is given.</summary>
public static class PodStatuses
{
    /// <summary>The node's address, used as every pod's hostIP.</summary>
    public const string HostIp = "127.0.0.1";

    /// <summary>The condition types the kubelet owns; others (readiness gates) are carried over untouched.</summary>
    private static readonly string[] OwnedConditions = ["PodScheduled", "Initialized", "ContainersReady", "Ready"];

    public static bool IsWaitingForRuntimeClass(V1Pod pod, string runtimeClass)
    {
        var scheduled = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
        return pod.Status?.Phase == "Pending" && scheduled is { Status: "False" } && scheduled.Message == RuntimeClassMissing(runtimeClass);
    }

    /// <summary>Pending, PodScheduled False: the pod names a RuntimeClass that does not exist (yet).</summary>
    public static V1PodStatus WaitingForRuntimeClass(V1Pod pod, string runtimeClass, DateTimeOffset now) => new()
    {
        Phase = "Pending",
        QosClass = pod.Status?.QosClass,
        Conditions = WithConditions(pod, [Condition("PodScheduled", false, now, "Unschedulable", RuntimeClassMissing(runtimeClass))]),
    };

    /// <summary>Running and ready: addresses, start time, the four conditions True and every container running.</summary>
    public static V1PodStatus Running(V1Pod pod, string podIp, DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        return new V1PodStatus
        {
            Phase = "Running",
            QosClass = pod.Status?.QosClass,
            HostIP = HostIp,
            HostIPs = [new V1HostIP { Ip = HostIp }],
            PodIP = podIp,
            PodIPs = [new V1PodIP { Ip = podIp }],
            StartTime = at,
            Conditions = WithConditions(pod, OwnedConditions.Select(t => Condition(t, true, now)).ToList()),
            InitContainerStatuses = InitContainersCompleted(pod, at),
            ContainerStatuses = PodLifecycle.Containers(pod).Select(c => new V1ContainerStatus
            {
                Name = c.Name,
                Image = c.Image,
                ImageID = ImageId(c.Image),
                ContainerID = ContainerId(pod, c.Name),
                Ready = true,
                Started = true,
                RestartCount = 0,
                State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = at } },
            }).ToList(),
        };
    }

    /// <summary>Every container exited with <paramref name="exitCode"/> at <paramref name="finishedAt"/>: Succeeded on 0, else Failed.</summary>
    public static V1PodStatus Exited(V1Pod pod, int exitCode, DateTimeOffset finishedAt) =>
        Terminated(pod, exitCode == 0 ? "Succeeded" : "Failed", null, null, exitCode, exitCode == 0 ? "Completed" : "Error", null, finishedAt);

    /// <summary>Failed with reason DeadlineExceeded: spec.activeDeadlineSeconds passed; containers killed (exit 137).</summary>
    public static V1PodStatus DeadlineExceeded(V1Pod pod, DateTimeOffset finishedAt) =>
        Terminated(pod, "Failed", PodLifecycle.DeadlineExceededReason, PodLifecycle.DeadlineExceededMessage, 137,
            PodLifecycle.DeadlineExceededReason, PodLifecycle.DeadlineExceededMessage, finishedAt);

    /// <summary>A stable fake container ID: <c>sim://</c> and a hash of pod UID and container name.</summary>
    public static string ContainerId(V1Pod pod, string containerName) =>
        "sim://" + Hash($"{pod.Metadata?.Uid}/{containerName}");

    private static V1PodStatus Terminated(V1Pod pod, string phase, string? podReason, string? podMessage, int exitCode,
        string containerReason, string? containerMessage, DateTimeOffset finishedAt)
    {
        var previous = pod.Status ?? new V1PodStatus();
        var finished = finishedAt.UtcDateTime;
        var notReady = new[] { "ContainersReady", "Ready" }.Select(t => Condition(t, false, finishedAt, "PodCompleted")).ToList();
        return new V1PodStatus
        {
            Phase = phase,
            Reason = podReason,
            Message = podMessage,
            QosClass = previous.QosClass,
            HostIP = previous.HostIP,
            HostIPs = previous.HostIPs,
            PodIP = previous.PodIP,
            PodIPs = previous.PodIPs,
            StartTime = previous.StartTime,
            Conditions = WithConditions(pod, notReady),
            InitContainerStatuses = previous.InitContainerStatuses,
            ContainerStatuses = PodLifecycle.Containers(pod).Select(c =>
            {
                var before = previous.ContainerStatuses?.FirstOrDefault(s => s.Name == c.Name);
                return new V1ContainerStatus
                {
                    Name = c.Name,
                    Image = c.Image,
                    ImageID = ImageId(c.Image),
                    ContainerID = ContainerId(pod, c.Name),
                    Ready = false,
                    Started = false,
                    RestartCount = before?.RestartCount ?? 0,
                    State = new V1ContainerState
                    {
                        Terminated = new V1ContainerStateTerminated
                        {
                            ExitCode = exitCode,
                            Reason = containerReason,
                            Message = containerMessage,
                            StartedAt = before?.State?.Running?.StartedAt ?? previous.StartTime,
                            FinishedAt = finished,
                            ContainerID = ContainerId(pod, c.Name),
                        },
                    },
                };
            }).ToList(),
        };
    }

    private static List<V1ContainerStatus>? InitContainersCompleted(V1Pod pod, DateTime at) =>
        pod.Spec?.InitContainers is { Count: > 0 } inits
            ? inits.Select(c => new V1ContainerStatus
            {
                Name = c.Name,
                Image = c.Image,
                ImageID = ImageId(c.Image),
                ContainerID = ContainerId(pod, c.Name),
                Ready = true,
                Started = false,
                RestartCount = 0,
                State = new V1ContainerState
                {
                    Terminated = new V1ContainerStateTerminated { ExitCode = 0, Reason = "Completed", StartedAt = at, FinishedAt = at, ContainerID = ContainerId(pod, c.Name) },
                },
            }).ToList()
            : null;

    /// <summary>The pod's conditions with <paramref name="updates"/> replacing those of the same type; a condition whose status is unchanged keeps its transition time.</summary>
    private static List<V1PodCondition> WithConditions(V1Pod pod, IReadOnlyList<V1PodCondition> updates)
    {
        var result = new List<V1PodCondition>();
        var existing = pod.Status?.Conditions ?? [];
        foreach (var condition in existing)
        {
            var update = updates.FirstOrDefault(u => u.Type == condition.Type);
            if (update is null)
            {
                result.Add(condition);
                continue;
            }
            if (update.Status == condition.Status) update.LastTransitionTime = condition.LastTransitionTime;
            result.Add(update);
        }
        result.AddRange(updates.Where(u => existing.All(c => c.Type != u.Type)));
        return result;
    }

    private static V1PodCondition Condition(string type, bool status, DateTimeOffset now, string? reason = null, string? message = null) => new()
    {
        Type = type,
        Status = status ? "True" : "False",
        LastTransitionTime = now.UtcDateTime,
        Reason = reason,
        Message = message,
    };

    private static string RuntimeClassMissing(string runtimeClass) => $"RuntimeClass \"{runtimeClass}\" not found";

    private static string ImageId(string? image) =>
        image is not null && image.Contains('@', StringComparison.Ordinal) ? image : "sim://sha256:" + Hash(image ?? "");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
