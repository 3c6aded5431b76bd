using k8s.Models;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>
/// What the kubelet should do about one pod now: bind it, write a status, confirm its deletion, record events,
/// and when to look at it again. Produced by <see cref="PodLifecycle.Decide"/>; applied by <see cref="SimulatedKubelet"/>.
/// </summary>
public sealed record PodDecision
{
    /// <summary>Nothing to do and nothing to wait for (not ours, terminal, or already up to date without deadlines).</summary>
    public static PodDecision Nothing { get; } = new();

    /// <summary>Bind the pod to this node (POST pods/{name}/binding) before anything else.</summary>
    public string? BindTo { get; init; }

    /// <summary>The status to write through the status subresource; null when the current status is right.</summary>
    public V1PodStatus? Status { get; init; }

    /// <summary>The pod is being deleted gracefully: finish it (delete with grace period 0), as the kubelet does.</summary>
    public bool ConfirmDeletion { get; init; }

    /// <summary>Events to record once the action above succeeded.</summary>
    public IReadOnlyList<KubeletEvent> Events { get; init; } = [];

    /// <summary>When the pod must be looked at again (its exit or active deadline), if ever.</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>True when the decision asks for no write at all.</summary>
    public bool IsIdle => BindTo is null && Status is null && !ConfirmDeletion;
}
