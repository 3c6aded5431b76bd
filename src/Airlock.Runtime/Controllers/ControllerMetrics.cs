using Airlock.Runtime.Metrics;
using Prometheus;

namespace Airlock.Runtime.Controllers;

/// <summary>The controller_runtime_* metrics (the names controller-runtime dashboards use) for one controller.</summary>
public sealed class ControllerMetrics
{
    private static readonly double[] TimeBuckets =
        [
            0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 1.75,
            2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60,
        ];

    private readonly Counter _total;
    private readonly string _name;

    public ControllerMetrics(string controller, CollectorRegistry? registry = null)
    {
        _name = controller;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry ?? RuntimeMetrics.Registry);
        _total = factory.CreateCounter(
            "controller_runtime_reconcile_total", "Total number of reconciliations per controller.", ["controller", "result"]);
        foreach (var result in new[] { "success", "error", "requeue", "requeue_after" }) _total.WithLabels(controller, result);
        Errors = factory.CreateCounter(
            "controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller.", ["controller"]).WithLabels(controller);
        Time = factory.CreateHistogram(
            "controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller.", ["controller"],
            new HistogramConfiguration { Buckets = TimeBuckets }).WithLabels(controller);
        ActiveWorkers = factory.CreateGauge(
            "controller_runtime_active_workers", "Number of currently used workers per controller.", ["controller"]).WithLabels(controller);
        MaxConcurrentReconciles = factory.CreateGauge(
            "controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller.", ["controller"]).WithLabels(controller);
    }

    internal Counter.Child Errors { get; }

    internal Histogram.Child Time { get; }

    internal Gauge.Child ActiveWorkers { get; }

    internal Gauge.Child MaxConcurrentReconciles { get; }

    internal void Result(string result) => _total.WithLabels(_name, result).Inc();
}
