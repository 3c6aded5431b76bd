using System.Net;
using Airlock.Egress.Matching;
using Airlock.Egress.Proxy;
using Airlock.Stores.Audit;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Airlock.Egress.Hosting;

/// <summary>How the egress proxy runs: where it listens, how it resolves, what it refuses, where it records.</summary>
public sealed record EgressProxyOptions
{
    /// <summary>Listening address; port 0 picks a free one. In a cluster: 0.0.0.0:3128.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Names that resolve to fixed addresses (<c>--egress-resolve HOST=IP</c>); loopback answers from here are allowed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> ResolveOverrides { get; init; } = new Dictionary<string, IReadOnlyList<IPAddress>>();

    /// <summary>
    /// Cluster-internal ranges (pod and Service CIDRs, node networks) names may not resolve into. Default: every private,
    /// shared and reserved range, which fails closed when the cluster's CIDRs are not known.
    /// </summary>
    public IReadOnlyList<IPNetwork> InternalRanges { get; init; } = AddressRanges.DefaultInternal;

    /// <summary>
    /// Where <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c> are served (port 0: a free one); null serves none. Kept off
    /// the proxy port: metrics name tasks, and agents reach the proxy port.
    /// </summary>
    public IPEndPoint? MetricsEndpoint { get; init; }

    public ProxyLimits Limits { get; init; } = new();

    /// <summary>How often <c>status.usage.egressAllowed/egressDenied</c> are written per task.</summary>
    public TimeSpan UsageFlushInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Denials of one task within <see cref="AnomalyWindow"/> that raise an anomaly signal.</summary>
    public int AnomalyThreshold { get; init; } = 10;

    public TimeSpan AnomalyWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Seals the repeated-denial Events the operator quarantines on (the key of the Secret airlock-signal-key, mounted as a
    /// file: <c>--signal-key-file</c>). Null: no anomaly Event is written, and the proxy logs an error at start saying so.
    /// </summary>
    public Runtime.Events.SignalSeal? SignalSeal { get; init; }

    /// <summary>Where attempts are recorded; an in-memory log when null (dev only: nothing survives the process).</summary>
    public IAuditLog? AuditLog { get; init; }

    public CollectorRegistry? Metrics { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
