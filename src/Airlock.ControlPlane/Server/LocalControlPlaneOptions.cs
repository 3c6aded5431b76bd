using Airlock.ControlPlane.Patching;
using Airlock.ControlPlane.Schema;
using Microsoft.Extensions.Logging;

namespace Airlock.ControlPlane.Server;

/// <summary>How <see cref="LocalControlPlane.StartAsync"/> sets the control plane up.</summary>
public sealed record LocalControlPlaneOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Run the simulated kubelet (binds pods to a node and moves them through their phases).</summary>
    public bool EnableKubelet { get; init; } = true;

    /// <summary>How many recent changes watches can resume from (older resourceVersions get 410 Gone).</summary>
    public int WatchHistorySize { get; init; } = 5000;

    public ILoggerFactory? LoggerFactory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>More parts to run in the same process once the API server is up (operator, gateway, egress proxy…).</summary>
    public IReadOnlyList<ILocalComponent> Components { get; init; } = [];

    /// <summary>Overrides for tests; the real implementations by default.</summary>
    public ISchemaService? Schema { get; init; }

    public IPatchApplier? Patcher { get; init; }
}
