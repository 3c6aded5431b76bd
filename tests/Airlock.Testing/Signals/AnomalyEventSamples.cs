using Airlock.Api;
using Airlock.Runtime.Events;
using k8s.Models;

namespace Airlock.Testing.Signals;

/// <summary>The egress proxy's anomaly Event on task agents/agent, unsealed or sealed, for the seal and verifier tests.</summary>
public static class AnomalyEventSamples
{
    /// <summary>The issue time sealed into <see cref="Sealed"/>.</summary>
    public static readonly DateTimeOffset Issued = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static Corev1Event Unsealed(string uid = "uid-1", string message = "12 denied") => new()
    {
        Metadata = new V1ObjectMeta { Name = "agent.187a", NamespaceProperty = "agents" },
        InvolvedObject = new V1ObjectReference { ApiVersion = "agents.airlock.dev/v1alpha1", Kind = "AgentTask", NamespaceProperty = "agents", Name = "agent", Uid = uid },
        Type = EventTypes.Warning,
        Reason = "EgressDenialsRepeated",
        Message = message,
        ReportingComponent = "airlock-egress",
        Source = new V1EventSource { Component = "airlock-egress" },
    };

    /// <summary><paramref name="e"/> with a seal under <paramref name="seal"/>, issued at <see cref="Issued"/>.</summary>
    public static Corev1Event Sealed(Corev1Event e, SignalSeal seal)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(seal);
        e.Metadata.Annotations = new Dictionary<string, string>
        {
            [AirlockAnnotations.SignalSeal] = seal.Sign(e.InvolvedObject, e.Reason, e.ReportingComponent, e.Message, Issued),
        };
        return e;
    }
}
