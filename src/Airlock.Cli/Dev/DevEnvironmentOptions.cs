using Airlock.Operator.Hosting;
using Microsoft.Extensions.Logging;

namespace Airlock.Cli.Dev;

/// <summary>How <see cref="DevEnvironment.StartAsync"/> sets up the local cluster.</summary>
public sealed record DevEnvironmentOptions
{
    /// <summary>Where kubeconfig and endpoints.json are written.</summary>
    public required string StateDir { get; init; }

    /// <summary>API server port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The operator's settings; its health/metrics endpoint defaults to a free loopback port.</summary>
    public OperatorSettings Operator { get; init; } = new() { HealthAddress = "127.0.0.1:0" };

    public ILoggerFactory? LoggerFactory { get; init; }
}
