namespace Airlock.Gateway.Tests.Support;

/// <summary>A test class's own default gateway (in-memory stores, the test scanner, a stand-in provider), started once for all its tests.</summary>
public abstract class GatewayFixture
{
    protected GatewayHarness Harness { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => Harness = await GatewayHarness.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway()
    {
        if (Harness is not null) await Harness.DisposeAsync();
    }
}
