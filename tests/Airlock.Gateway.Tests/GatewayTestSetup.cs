using Airlock.Testing;

namespace Airlock.Gateway.Tests;

/// <summary>Stops the shared test cluster after every test of the assembly.</summary>
[SetUpFixture]
public sealed class GatewayTestSetup
{
    [OneTimeTearDown]
    public Task StopCluster() => TestCluster.DisposeSharedAsync();
}
