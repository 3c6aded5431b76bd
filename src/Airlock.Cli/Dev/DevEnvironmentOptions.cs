using System.Net;
using Airlock.Gateway.Providers;
using Airlock.Operator.Hosting;
using Airlock.Stores.Audit.Sqlite;
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

    /// <summary>Model providers the gateway forwards to (<c>--provider</c>, <c>--provider-key-file</c>, <c>--provider-type</c>).</summary>
    public IReadOnlyList<ProviderOptions> Providers { get; init; } = [];

    /// <summary>Name resolution overrides for the egress proxy (<c>--egress-resolve HOST=IP</c>), so tests reach loopback servers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> EgressResolve { get; init; } = new Dictionary<string, IReadOnlyList<IPAddress>>();

    /// <summary>Whether secrets in the model's answers reach agents redacted (<c>--completion-secrets redact|pass</c>).</summary>
    public bool RedactCompletions { get; init; } = true;

    /// <summary>What an acknowledged record of the state directory's audit log survives (<c>--audit-durability</c>).</summary>
    public SqliteDurability AuditDurability { get; init; } = SqliteDurability.ProcessCrash;

    public ILoggerFactory? LoggerFactory { get; init; }
}
