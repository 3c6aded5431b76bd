using System.Net;
using Airlock.Gateway.Anomaly;
using Airlock.Gateway.Guardrails;
using Airlock.Gateway.Providers;

namespace Airlock.Gateway.Serving;

/// <summary>How a gateway instance listens, which providers it knows and how it applies its policies.</summary>
public sealed record GatewayOptions
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    public IReadOnlyList<ProviderOptions> Providers { get; init; } = [];

    public GuardrailOptions Guardrails { get; init; } = new();

    public AnomalyOptions Anomaly { get; init; } = new();

    /// <summary>How long a TokenReview verdict is reused (capped at 30 s and at the token's expiry).</summary>
    public TimeSpan TokenCacheMaxAge { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each task's <c>status.usage</c> is written.</summary>
    public TimeSpan UsageFlushInterval { get; init; } = TimeSpan.FromSeconds(5);

    public long MaxRequestBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Provider calls that take longer are cut (streams included).</summary>
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Port of the separate /metrics, /healthz, /readyz endpoint (0: a free one; null: none). Metrics name tasks, so they are
    /// not served on the port agents call.
    /// </summary>
    public int? MetricsPort { get; init; }

    /// <summary>Audit records older than this are pruned (behind a checkpoint); null keeps everything.</summary>
    public TimeSpan? AuditRetention { get; init; }
}
