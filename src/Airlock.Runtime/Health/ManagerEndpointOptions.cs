using System.Net;

namespace Airlock.Runtime.Health;

/// <summary>Where the operator serves /metrics, /healthz and /readyz.</summary>
public sealed record ManagerEndpointOptions
{
    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = 8081;

    /// <summary>Loopback by default; a pod binds to any address so the kubelet and Prometheus can reach it.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;
}
