using Airlock.Runtime.Metrics;
using Prometheus;

namespace Airlock.Runtime.Queue;

/// <summary>The workqueue_* metrics (names as in client-go) for one queue, labelled by its name.</summary>
public sealed class WorkQueueMetrics
{
    // 10 ns to 10 s in decades, as client-go's workqueue metrics.
    private static readonly double[] DurationBuckets = Histogram.ExponentialBuckets(1e-8, 10, 10);

    private readonly CollectorRegistry _registry;
    private readonly Gauge.Child _depth;
    private readonly Counter.Child _adds;
    private readonly Counter.Child _retries;
    private readonly Histogram.Child _queueDuration;
    private readonly Histogram.Child _workDuration;
    private readonly Gauge.Child _unfinished;
    private readonly Gauge.Child _longest;

    public WorkQueueMetrics(string name, CollectorRegistry? registry = null)
    {
        _registry = registry ?? RuntimeMetrics.Registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(_registry);
        string[] labels = ["name"];
        _depth = factory.CreateGauge("workqueue_depth", "Current depth of the work queue.", labels).WithLabels(name);
        _adds = factory.CreateCounter("workqueue_adds_total", "Total number of adds handled by the work queue.", labels).WithLabels(name);
        _retries = factory.CreateCounter("workqueue_retries_total", "Total number of retries handled by the work queue.", labels).WithLabels(name);
        _queueDuration = factory.CreateHistogram(
            "workqueue_queue_duration_seconds", "How long in seconds an item stays in the work queue before being requested.", labels,
            new HistogramConfiguration { Buckets = DurationBuckets }).WithLabels(name);
        _workDuration = factory.CreateHistogram(
            "workqueue_work_duration_seconds", "How long in seconds processing an item from the work queue takes.", labels,
            new HistogramConfiguration { Buckets = DurationBuckets }).WithLabels(name);
        _unfinished = factory.CreateGauge(
            "workqueue_unfinished_work_seconds",
            "How many seconds of work has been done that is in progress and has not been observed by work_duration.", labels).WithLabels(name);
        _longest = factory.CreateGauge(
            "workqueue_longest_running_processor_seconds",
            "How many seconds the longest running processor for the work queue has been running.", labels).WithLabels(name);
    }

    internal void Added() => _adds.Inc();

    internal void Enqueued() => _depth.Inc();

    internal void Retried() => _retries.Inc();

    internal void Taken(TimeSpan waited)
    {
        _depth.Dec();
        _queueDuration.Observe(waited.TotalSeconds);
    }

    internal void Finished(TimeSpan worked) => _workDuration.Observe(worked.TotalSeconds);

    /// <summary>Refreshes the in-flight gauges at each scrape, instead of on a timer.</summary>
    internal void Track<T>(WorkQueue<T> queue)
        where T : notnull
    {
        var weak = new WeakReference<WorkQueue<T>>(queue);
        _registry.AddBeforeCollectCallback(() =>
        {
            var (unfinished, longest) = weak.TryGetTarget(out var q) ? q.InFlight() : (0, 0);
            _unfinished.Set(unfinished);
            _longest.Set(longest);
        });
    }
}
