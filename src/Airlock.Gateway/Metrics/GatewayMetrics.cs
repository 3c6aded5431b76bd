using Prometheus;

namespace Airlock.Gateway.Metrics;

/// <summary>
/// The gateway's metrics on a registry of its own (prometheus-net's default registry carries process collectors that fail
/// <c>promtool check metrics</c>). The names and labels are the contract of docs/operations.md (the dashboard and alerts
/// query them); per-task labels appear only on the low-volume anomaly series.
/// </summary>
public sealed class GatewayMetrics
{
    public GatewayMetrics(CollectorRegistry? registry = null)
    {
        Registry = registry ?? Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateCounter("airlock_gateway_requests_total", "Model calls answered by the gateway, by route, provider, model and HTTP status.",
            new CounterConfiguration { LabelNames = ["route", "provider", "model", "code"] });
        Duration = factory.CreateHistogram("airlock_gateway_request_duration_seconds", "Time from request to the end of the response, by route.",
            new HistogramConfiguration { LabelNames = ["route"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 18) });
        UpstreamDuration = factory.CreateHistogram("airlock_gateway_upstream_duration_seconds", "Time until the provider's response headers, by provider.",
            new HistogramConfiguration { LabelNames = ["provider"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 18) });
        Tokens = factory.CreateCounter("airlock_gateway_tokens_total", "Tokens reported by providers, by namespace, provider, model and kind (prompt, completion).",
            new CounterConfiguration { LabelNames = ["namespace", "provider", "model", "kind"] });
        Refusals = factory.CreateCounter("airlock_gateway_refusals_total", "Calls the gateway refused, by the caller's namespace (empty before it is known) and reason code.",
            new CounterConfiguration { LabelNames = ["namespace", "reason"] });
        GuardrailFindings = factory.CreateCounter("airlock_gateway_guardrail_findings_total",
            "Guardrail findings, by kind (injection, secret) and action (flag, block, redact: cut out of the answer to the agent).",
            new CounterConfiguration { LabelNames = ["kind", "action"] });
        Anomalies = factory.CreateCounter("airlock_gateway_anomaly_signals_total", "Anomaly signals raised, by task and kind.",
            new CounterConfiguration { LabelNames = ["namespace", "task", "kind"] });
        TokenReviews = factory.CreateCounter("airlock_gateway_token_reviews_total", "Token verdicts, by result (authenticated, rejected, unavailable).",
            new CounterConfiguration { LabelNames = ["result"] });
        AuditAppendDuration = factory.CreateHistogram("airlock_gateway_audit_append_duration_seconds", "Time until an audit record was durable.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 2, 18) });
        AuditFailures = factory.CreateCounter("airlock_gateway_audit_failures_total", "Audit records that could not be written.");
    }

    public CollectorRegistry Registry { get; }

    public Counter Requests { get; }

    public Histogram Duration { get; }

    public Histogram UpstreamDuration { get; }

    public Counter Tokens { get; }

    public Counter Refusals { get; }

    public Counter GuardrailFindings { get; }

    public Counter Anomalies { get; }

    public Counter TokenReviews { get; }

    public Histogram AuditAppendDuration { get; }

    public Counter AuditFailures { get; }
}
