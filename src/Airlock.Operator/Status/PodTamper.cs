using System.Text.RegularExpressions;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;
using k8s.Models;

namespace Airlock.Operator.Status;

/// <summary>
/// What about a sandbox pod shows it was changed after Airlock created it. A pod cannot be patched back (its spec is
/// immutable but for a few fields), so a changed one is not trusted: the task fails and the pod is deleted.
/// </summary>
/// <remarks>
/// Checked: Airlock's labels (the NetworkPolicy selects the pod by them: without them the pod leaves its policy), an
/// attached ephemeral container (<c>kubectl debug</c> puts a process of someone's choosing beside the agent), and the
/// agent container's image (<c>kubectl set image</c> restarts the agent from another image). The image is compared with the
/// task's only while the pod was built from the task's current spec; after a spec edit the pod keeps the image it was built
/// with and the SpecApplied condition says so. Which spec the pod was built from is its spec-hash annotation as recorded in
/// the task's status when the pod was first seen (<c>status.podSpecHash</c>, which only the operator writes): rewriting the
/// annotation on the pod is itself a change. An image the API server's admission pinned to a
/// digest (<c>image:tag</c> become <c>image:tag@sha256:…</c>) counts as the same image.
/// </remarks>
public static partial class PodTamper
{
    /// <summary>Why the pod cannot be trusted, or null when nothing shows it was changed.</summary>
    public static string? Check(V1Pod pod, AgentTask task, string specHash)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(task);
        var labels = pod.Metadata?.Labels;
        foreach (var (key, value) in ChildMetadata.Labels(task, SandboxPodBuilder.Component))
        {
            if (labels?.TryGetValue(key, out var seen) != true) return $"label {key} was removed";
            if (seen != value) return $"label {key} was changed to \"{seen}\"";
        }
        if (pod.Spec?.EphemeralContainers is { Count: > 0 } attached)
        {
            return $"ephemeral container {string.Join(", ", attached.Select(c => c.Name))} was attached";
        }
        var carried = DesiredHash.ReadSpecHash(pod);
        var recorded = task.Status?.PodName == pod.Metadata?.Name ? task.Status?.PodSpecHash : null;
        if (recorded is not null && carried != recorded) return $"annotation {AirlockAnnotations.SpecHash} was changed";
        var builtFrom = recorded ?? carried;
        var agent = pod.Spec?.Containers?.FirstOrDefault(c => c.Name == SandboxPodBuilder.ContainerName);
        if (builtFrom == specHash && agent is not null && !SameImage(task.Spec.Image, agent.Image))
        {
            return $"container {SandboxPodBuilder.ContainerName} runs image \"{agent.Image}\" instead of \"{task.Spec.Image}\"";
        }
        return null;
    }

    /// <summary>Equal, or <paramref name="running"/> is <paramref name="desired"/> (which names no digest) pinned to one.</summary>
    public static bool SameImage(string? desired, string? running)
    {
        if (desired == running) return true;
        if (desired is null || running is null || desired.Contains('@', StringComparison.Ordinal)) return false;
        return running.StartsWith(desired + "@", StringComparison.Ordinal) && Digest().IsMatch(running[(desired.Length + 1)..]);
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();
}
