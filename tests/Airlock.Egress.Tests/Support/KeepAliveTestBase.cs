using Airlock.Api.Tasks;
using Airlock.Egress.Proxy;

namespace Airlock.Egress.Tests.Support;

/// <summary>
/// A proxy with short keep-alive and head deadlines, and two keep-alive upstreams: allowed.test and other.test both resolve
/// to loopback, where each server listens on its own port.
/// </summary>
public abstract class KeepAliveTestBase
{
    protected EgressCluster Cluster { get; private set; } = null!;

    protected KeepAliveHttpServer A { get; private set; } = null!;

    protected KeepAliveHttpServer B { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Cluster = await EgressCluster.StartAsync(new ProxyLimits { HeadReadTimeout = TimeSpan.FromSeconds(1), KeepAliveTimeout = TimeSpan.FromSeconds(1) });
        A = new KeepAliveHttpServer();
        B = new KeepAliveHttpServer();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Cluster.DisposeAsync();
    }

    protected AgentTaskSpec AllowBoth() => new()
    {
        Egress = [new EgressRule { Host = "allowed.test", Ports = [A.Port] }, new EgressRule { Host = "other.test", Ports = [B.Port] }],
    };

    protected static string Get(string host, int port, string path = "/", string extra = "") => $"GET http://{host}:{port}{path} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n";

    /// <summary>A Running sandbox (allowing both servers unless <paramref name="spec"/> says otherwise) and a client bound to its pod address.</summary>
    protected async Task<(string Namespace, ProxyClient Client)> ConnectAsync(AgentTaskSpec? spec = null)
    {
        var (ns, pod) = await Cluster.StartSandboxAsync(spec ?? AllowBoth());
        return (ns, await ProxyClient.ConnectAsync(Cluster.ProxyEndpoint, pod));
    }
}
