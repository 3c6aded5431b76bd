using Airlock.Stores.Limits;

namespace Airlock.Stores.Tests.Limits;

/// <summary>What every limit store must do; one subclass per store.</summary>
public abstract class LimitStoreContract
{
    protected abstract Task<ILimitStore> OpenAsync();

    [Test]
    public async Task Requests_beyond_the_per_minute_ceiling_wait_for_the_next_window()
    {
        await using var store = await OpenAsync();
        var key = NewKey();
        var ceilings = new LimitCeilings(2, null, null);
        await store.AcquireAsync(key, ceilings, 1, CancellationToken.None);
        await store.AcquireAsync(key, ceilings, 1, CancellationToken.None);

        var third = await store.AcquireAsync(key, ceilings, 1, CancellationToken.None);

        third.Verdict.Should().Be(LimitVerdict.RequestsPerMinute);
        third.RetryAfter.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
    }

    [Test]
    public async Task A_concurrent_burst_admits_exactly_the_request_ceiling()
    {
        await using var store = await OpenAsync();
        var key = NewKey();
        var ceilings = new LimitCeilings(7, null, null);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () => await store.AcquireAsync(key, ceilings, 1, CancellationToken.None))));

        decisions.Count(d => d.Allowed).Should().Be(7);
    }

    [Test]
    public async Task Tokens_used_this_minute_close_the_token_ceiling()
    {
        await using var store = await OpenAsync();
        var key = NewKey();
        var ceilings = new LimitCeilings(null, 100, null);
        await store.AcquireAsync(key, ceilings, 10, CancellationToken.None);
        await store.CompleteAsync(key, 10, 100, CancellationToken.None);

        var next = await store.AcquireAsync(key, ceilings, 10, CancellationToken.None);

        next.Verdict.Should().Be(LimitVerdict.TokensPerMinute);
    }

    [Test]
    public async Task A_spent_budget_refuses_every_later_request()
    {
        await using var store = await OpenAsync();
        var key = NewKey();
        var ceilings = new LimitCeilings(null, null, 50);
        await store.AcquireAsync(key, ceilings, 10, CancellationToken.None);
        await store.CompleteAsync(key, 10, 50, CancellationToken.None);

        var next = await store.AcquireAsync(key, ceilings, 1, CancellationToken.None);

        next.Verdict.Should().Be(LimitVerdict.BudgetExhausted);
    }

    [Test]
    public async Task A_concurrent_burst_overshoots_the_budget_by_at_most_one_request()
    {
        await using var store = await OpenAsync();
        var key = NewKey();
        var ceilings = new LimitCeilings(null, null, 100);

        // Twenty callers each estimate and use 30 tokens per call, and keep calling until the budget is spent.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var decision = await store.AcquireAsync(key, ceilings, 30, CancellationToken.None);
                if (decision.Verdict == LimitVerdict.BudgetExhausted) return;
                if (!decision.Allowed) continue;
                await Task.Yield();
                await store.CompleteAsync(key, 30, 30, CancellationToken.None);
            }
        })));
        var usage = await store.GetUsageAsync(key, CancellationToken.None);

        usage.TotalTokens.Should().BeInRange(100, 100 + 30);
    }

    [Test]
    public async Task Completing_a_call_releases_its_reservation()
    {
        await using var store = await OpenAsync();
        var key = NewKey();
        await store.AcquireAsync(key, LimitCeilings.None, 25, CancellationToken.None);
        await store.CompleteAsync(key, 25, 40, CancellationToken.None);

        var usage = await store.GetUsageAsync(key, CancellationToken.None);

        usage.Should().Be(new LimitUsage(1, 40, 40, 0));
    }

    [Test]
    public async Task Keys_have_their_own_counters()
    {
        await using var store = await OpenAsync();
        var ceilings = new LimitCeilings(1, null, null);
        await store.AcquireAsync("a/" + NewKey(), ceilings, 1, CancellationToken.None);

        var other = await store.AcquireAsync("b/" + NewKey(), ceilings, 1, CancellationToken.None);

        other.Allowed.Should().BeTrue();
    }

    protected static string NewKey() => "ns/task/" + Guid.NewGuid().ToString("N");
}
