using Airlock.Testing;

namespace Airlock.ControlPlane.Tests;

/// <summary>Stops the shared test cluster after every test of this assembly has run.</summary>
[SetUpFixture]
public class SharedClusterTeardown
{
    [OneTimeTearDown]
    public Task StopSharedClusterAsync() => TestCluster.DisposeSharedAsync();
}
