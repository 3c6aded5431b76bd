using Airlock.Stores.Limits;
using Airlock.Stores.Tests.Servers;

namespace Airlock.Stores.Tests.Limits;

[NonParallelizable]
public sealed class RedisLimitStoreTests : LimitStoreContract
{
    private RedisServer? _server;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await RedisServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    [Test]
    public async Task Two_replicas_share_one_request_ceiling()
    {
        await using var a = await RedisLimitStore.ConnectAsync(_server!.Configuration);
        await using var b = await RedisLimitStore.ConnectAsync(_server.Configuration);
        var key = NewKey();
        var ceilings = new LimitCeilings(5, null, null);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? a : b).AcquireAsync(key, ceilings, 1, CancellationToken.None))));

        decisions.Count(d => d.Allowed).Should().Be(5);
    }

    protected override async Task<ILimitStore> OpenAsync() => await RedisLimitStore.ConnectAsync(_server!.Configuration);
}
