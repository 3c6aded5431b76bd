using NUnit.Framework;

namespace Airlock.Testing;

/// <summary>A test class on the cluster every test in the process shares (<see cref="TestCluster.SharedAsync"/>).</summary>
public abstract class SharedClusterFixture
{
    protected TestCluster Cluster { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task JoinSharedCluster() => Cluster = await TestCluster.SharedAsync();
}
