namespace Airlock.Install.Tests.Support;

/// <summary>
/// The metric names the dashboard and the alert rules may use: what the components export (controller-runtime names
/// for the operator) or must export (the gateway and egress series are the contract listed in docs/operations.md).
/// </summary>
public static class KnownMetrics
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "up",
        // Operator (Airlock.Runtime controller and work-queue metrics, controller-runtime names).
        "controller_runtime_reconcile_total",
        "controller_runtime_reconcile_errors_total",
        "controller_runtime_reconcile_time_seconds",
        "controller_runtime_active_workers",
        "controller_runtime_max_concurrent_reconciles",
        "workqueue_depth",
        "workqueue_adds_total",
        "workqueue_retries_total",
        "workqueue_queue_duration_seconds",
        "workqueue_work_duration_seconds",
        "workqueue_unfinished_work_seconds",
        "workqueue_longest_running_processor_seconds",
        "leader_election_master_status",
        "airlock_operator_tasks",
        "airlock_operator_quarantines_total",
        "airlock_operator_anomaly_signals_refused_total",
        // Gateway.
        "airlock_gateway_requests_total",
        "airlock_gateway_request_duration_seconds",
        "airlock_gateway_tokens_total",
        "airlock_gateway_refusals_total",
        "airlock_gateway_guardrail_findings_total",
        // Egress proxy.
        "airlock_egress_requests_total",
        "airlock_egress_bytes_total",
        "airlock_egress_active_tunnels",
    };
}
