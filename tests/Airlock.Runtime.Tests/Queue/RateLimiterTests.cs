using Airlock.Runtime.Queue;

namespace Airlock.Runtime.Tests.Queue;

public class RateLimiterTests
{
    [Test]
    public void Per_item_backoff_doubles_with_each_failure()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>();

        var delays = Enumerable.Range(0, 4).Select(_ => limiter.When("a")).ToList();

        delays.Should().Equal(
            TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40));
    }

    [Test]
    public void Per_item_backoff_stops_at_the_cap()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>();

        var delays = Enumerable.Range(0, 100).Select(_ => limiter.When("a")).ToList();

        delays[^1].Should().Be(TimeSpan.FromSeconds(1000));
    }

    [Test]
    public void Backoff_is_tracked_per_item()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>();
        limiter.When("a");
        limiter.When("a");

        limiter.When("b").Should().Be(TimeSpan.FromMilliseconds(5));
    }

    [Test]
    public void Forget_resets_the_backoff()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>();
        limiter.When("a");
        limiter.When("a");

        limiter.Forget("a");

        limiter.When("a").Should().Be(TimeSpan.FromMilliseconds(5));
    }

    [Test]
    public void The_token_bucket_delays_retries_once_the_burst_is_spent()
    {
        var limiter = new TokenBucketRateLimiter<string>(perSecond: 0.001, burst: 2);

        limiter.When("a").Should().Be(TimeSpan.Zero);
        limiter.When("b").Should().Be(TimeSpan.Zero);
        limiter.When("c").Should().BePositive();
    }

    [Test]
    public void The_combined_limiter_takes_the_longest_delay()
    {
        var limiter = new MaxOfRateLimiter<string>(
            new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)),
            new TokenBucketRateLimiter<string>(perSecond: 100, burst: 100));

        limiter.When("a").Should().Be(TimeSpan.FromSeconds(1));
    }
}
