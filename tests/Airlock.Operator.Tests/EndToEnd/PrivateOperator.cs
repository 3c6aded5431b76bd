using Airlock.ControlPlane.Server;
using Airlock.ControlPlane.Server.Diagnostics;
using Airlock.Operator.Hosting;
using Airlock.Testing;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>A cluster of the test's own with the prerequisites in place, for tests that count requests or run several operators.</summary>
public sealed class PrivateOperator : IAsyncDisposable
{
    private readonly List<OperatorHost> _hosts = [];

    private PrivateOperator(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public static async Task<PrivateOperator> StartAsync()
    {
        var cluster = await TestCluster.StartPrivateAsync(new LocalControlPlaneOptions());
        await ClusterPrerequisites.EnsureAsync(cluster.Client);
        return new PrivateOperator(cluster);
    }

    /// <summary>Starts one more operator as its own service account <paramref name="name"/>.</summary>
    public async Task<OperatorHost> AddOperatorAsync(string name = "airlock-operator", bool leaderElection = false)
    {
        var client = await ClusterPrerequisites.OperatorClientAsync(Cluster, name);
        var host = await OperatorSetUp.StartOperatorAsync(client, leaderElection, identity: name);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Requests a user made with verbs that change or read single objects (not list/watch, which informers make).</summary>
    public static long Requests(RequestCounters counters, string user, bool events) =>
        counters.Snapshot()
            .Where(kv => kv.Key.User == user && kv.Key.Verb is not ("list" or "watch"))
            .Where(kv => kv.Key.Resource.StartsWith("events", StringComparison.Ordinal) == events)
            .Sum(kv => kv.Value);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
