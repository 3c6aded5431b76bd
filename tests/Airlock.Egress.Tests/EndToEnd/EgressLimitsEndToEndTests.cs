using Airlock.Api.Tasks;
using Airlock.Egress.Proxy;
using Airlock.Egress.Tests.Support;

namespace Airlock.Egress.Tests.EndToEnd;

/// <summary>Per-task quotas of the proxy, with a proxy configured for one connection per task.</summary>
[NonParallelizable]
public class EgressLimitsEndToEndTests
{
    private EgressCluster _cluster = null!;
    private LoopbackHttpServer _upstream = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await EgressCluster.StartAsync(new ProxyLimits { MaxConnectionsPerTask = 1 });
        _upstream = new LoopbackHttpServer();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _upstream.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Test]
    public async Task A_task_past_its_concurrent_connection_limit_gets_429()
    {
        var (_, pod) = await _cluster.StartSandboxAsync(new AgentTaskSpec { Egress = [new EgressRule { Host = "allowed.test", Ports = [_upstream.Port] }] });
        using var first = await ProxyClient.ConnectAsync(_cluster.ProxyEndpoint, pod);
        await first.SendAsync($"CONNECT allowed.test:{_upstream.Port} HTTP/1.1\r\n\r\n");
        (await first.ReadHeadAsync()).Should().StartWith("HTTP/1.1 200");

        var second = await ProxyClient.ExchangeAsync(_cluster.ProxyEndpoint, pod, $"CONNECT allowed.test:{_upstream.Port} HTTP/1.1\r\n\r\n");

        second.Should().StartWith("HTTP/1.1 429").And.Contain("connection-limit");
    }
}
