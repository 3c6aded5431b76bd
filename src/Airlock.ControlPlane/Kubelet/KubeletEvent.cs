namespace Airlock.ControlPlane.Kubelet;

/// <summary>An Event the kubelet (or the scheduler it stands in for) records about a pod.</summary>
/// <param name="Type"><c>Normal</c> or <c>Warning</c>.</param>
/// <param name="Component">The event source: <c>kubelet</c> or <c>default-scheduler</c>.</param>
public sealed record KubeletEvent(string Type, string Reason, string Message, string Component)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
    public const string KubeletComponent = "kubelet";
    public const string SchedulerComponent = "default-scheduler";
}
