using System.Net;
using Airlock.Runtime.Health;
using Airlock.Runtime.Queue;

namespace Airlock.Runtime.Tests.Health;

public class ManagerEndpointTests
{
    private static readonly ManagerEndpointOptions AnyPort = new() { Port = 0 };

    [Test]
    public async Task Healthz_answers_ok()
    {
        await using var endpoint = await ManagerEndpoint.StartAsync(AnyPort, Prometheus.Metrics.NewCustomRegistry(), () => false);
        using var http = new HttpClient { BaseAddress = endpoint.Address };

        (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Readyz_is_unavailable_until_the_readiness_check_passes()
    {
        var ready = false;
        await using var endpoint = await ManagerEndpoint.StartAsync(AnyPort, Prometheus.Metrics.NewCustomRegistry(), () => ready);
        using var http = new HttpClient { BaseAddress = endpoint.Address };

        (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready = true;
        (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Metrics_serves_the_given_registry_only()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        _ = new WorkQueueMetrics("served", registry);
        await using var endpoint = await ManagerEndpoint.StartAsync(AnyPort, registry, () => true);
        using var http = new HttpClient { BaseAddress = endpoint.Address };

        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        text.Should().Contain("workqueue_depth{name=\"served\"}");
        text.Should().NotContain("process_cpu_seconds_total", "the default registry's runtime metrics are not served");
    }
}
