using Prometheus;

namespace Airlock.Runtime.Metrics;

/// <summary>
/// The registry the controller runtime records into. It is not prometheus-net's default registry,
/// whose built-in process/.NET collectors do not pass <c>promtool check metrics</c>.
/// </summary>
public static class RuntimeMetrics
{
    /// <summary>The process-wide registry used when a component is given none.</summary>
    public static CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    /// <summary>Renders a registry in the Prometheus text format (what /metrics serves).</summary>
    public static async Task<string> ExportTextAsync(CollectorRegistry registry, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
