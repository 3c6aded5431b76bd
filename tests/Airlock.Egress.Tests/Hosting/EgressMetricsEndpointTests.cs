using System.Net;
using Airlock.Egress.Tests.Support;

namespace Airlock.Egress.Tests.Hosting;

/// <summary>The proxy's /metrics, /healthz and /readyz on their own address (what the chart's probes and ServiceMonitor call).</summary>
[TestFixture]
public sealed class EgressMetricsEndpointTests
{
    private EgressCluster _cluster = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await EgressCluster.StartAsync(configure: o => o with { MetricsEndpoint = new IPEndPoint(IPAddress.Loopback, 0) });
        _http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _cluster.DisposeAsync();
    }

    [Test]
    public void Metrics_are_served_apart_from_the_proxy_port()
    {
        _cluster.Proxy.MetricsAddress!.Port.Should().NotBe(_cluster.ProxyEndpoint.Port);
    }

    [Test]
    public async Task Metrics_path_serves_the_proxy_series_as_prometheus_text()
    {
        using var response = await _http.GetAsync(new Uri(_cluster.Proxy.MetricsAddress!, "/metrics"));

        (await response.Content.ReadAsStringAsync()).Should().Contain("airlock_egress_open_connections");
    }

    [Test]
    public async Task Healthz_answers_ok()
    {
        using var response = await _http.GetAsync(new Uri(_cluster.Proxy.MetricsAddress!, "/healthz"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Readyz_answers_ok_once_pods_and_tasks_are_synced()
    {
        using var response = await _http.GetAsync(new Uri(_cluster.Proxy.MetricsAddress!, "/readyz"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Without_a_metrics_endpoint_none_is_served()
    {
        await using var cluster = await EgressCluster.StartAsync();

        cluster.Proxy.MetricsAddress.Should().BeNull();
    }
}
