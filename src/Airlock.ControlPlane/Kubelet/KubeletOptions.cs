namespace Airlock.ControlPlane.Kubelet;

public sealed record KubeletOptions
{
    public string NodeName { get; init; } = "airlock-dev-node";

    /// <summary>Pods processed concurrently (never two workers on the same pod).</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Whether to record Events (Scheduled, Started, Killing…) as a kubelet does.</summary>
    public bool RecordEvents { get; init; } = true;

    /// <summary>The node's cpu capacity and allocatable.</summary>
    public string Cpu { get; init; } = "64";

    /// <summary>The node's memory capacity and allocatable.</summary>
    public string Memory { get; init; } = "256Gi";

    /// <summary>The node's pod capacity.</summary>
    public int MaxPods { get; init; } = 20000;
}
