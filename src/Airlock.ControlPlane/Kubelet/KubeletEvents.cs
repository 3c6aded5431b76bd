using k8s.Models;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>Builds core/v1 Events about a pod the way the kubelet's event recorder does.</summary>
public static class KubeletEvents
{
    /// <param name="sequence">Makes the name unique among events recorded at the same instant.</param>
    public static Corev1Event Build(V1Pod pod, KubeletEvent e, string nodeName, DateTimeOffset now, long sequence)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(e);
        var at = now.UtcDateTime;
        var meta = pod.Metadata ?? new V1ObjectMeta();
        var isKubelet = e.Component == KubeletEvent.KubeletComponent;
        return new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta
            {
                Name = $"{meta.Name}.{now.UtcTicks:x}{sequence:x}",
                NamespaceProperty = meta.NamespaceProperty,
            },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = "v1",
                Kind = "Pod",
                Name = meta.Name,
                NamespaceProperty = meta.NamespaceProperty,
                Uid = meta.Uid,
                ResourceVersion = meta.ResourceVersion,
            },
            Type = e.Type,
            Reason = e.Reason,
            Message = e.Message,
            Source = new V1EventSource { Component = e.Component, Host = isKubelet ? nodeName : null },
            ReportingComponent = e.Component,
            ReportingInstance = isKubelet ? nodeName : "",
            FirstTimestamp = at,
            LastTimestamp = at,
            Count = 1,
        };
    }
}
