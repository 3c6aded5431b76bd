using Airlock.Stores.Limits;

namespace Airlock.Stores.Tests.Limits;

public sealed class InMemoryLimitStoreTests : LimitStoreContract
{
    [Test]
    public async Task The_request_ceiling_opens_again_in_the_next_minute()
    {
        var time = new ManualTime(new DateTimeOffset(2026, 3, 1, 12, 0, 30, TimeSpan.Zero));
        await using var store = new InMemoryLimitStore(time);
        var ceilings = new LimitCeilings(1, null, null);
        await store.AcquireAsync("k", ceilings, 1, CancellationToken.None);
        var refused = await store.AcquireAsync("k", ceilings, 1, CancellationToken.None);

        time.Advance(refused.RetryAfter);
        var next = await store.AcquireAsync("k", ceilings, 1, CancellationToken.None);

        (refused.RetryAfter, next.Allowed).Should().Be((TimeSpan.FromSeconds(30), true));
    }

    protected override Task<ILimitStore> OpenAsync() => Task.FromResult<ILimitStore>(new InMemoryLimitStore());
}
