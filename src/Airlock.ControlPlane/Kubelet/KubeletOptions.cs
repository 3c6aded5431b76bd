namespace Airlock.ControlPlane.Kubelet;

public sealed record KubeletOptions
{
    public string NodeName { get; init; } = "airlock-dev-node";
}
