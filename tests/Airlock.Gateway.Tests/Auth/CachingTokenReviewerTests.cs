using System.Text;
using Airlock.Gateway.Auth;
using Airlock.Gateway.Tests.Support;
using Airlock.Testing;

namespace Airlock.Gateway.Tests.Auth;

public sealed class CachingTokenReviewerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private ManualTime _time = null!;
    private CountingReviewer _inner = null!;

    [SetUp]
    public void Create()
    {
        _time = new ManualTime(Start);
        _inner = new CountingReviewer();
    }

    [Test]
    public async Task A_verdict_is_reused_within_30_seconds()
    {
        var reviewer = new CachingTokenReviewer(_inner, _time);
        var token = Token(Start.AddMinutes(10));
        await reviewer.ReviewAsync(token, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));

        await reviewer.ReviewAsync(token, CancellationToken.None);

        _inner.Calls.Should().Be(1);
    }

    [Test]
    public async Task A_verdict_in_its_last_seconds_is_renewed_in_the_background_while_it_still_answers()
    {
        var reviewer = new CachingTokenReviewer(_inner, _time);
        var token = Token(Start.AddMinutes(10));
        await reviewer.ReviewAsync(token, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(28));
        _inner.Next = TokenReviewOutcome.Rejected("pod deleted");

        var stale = await reviewer.ReviewAsync(token, CancellationToken.None);
        await Eventually.UntilAsync(async () => (await reviewer.ReviewAsync(token, CancellationToken.None)).Status == TokenReviewStatus.Rejected, "the renewed verdict");

        (stale.Status, _inner.Calls).Should().Be((TokenReviewStatus.Authenticated, 2));
    }

    [Test]
    public async Task A_verdict_is_asked_again_after_30_seconds()
    {
        var reviewer = new CachingTokenReviewer(_inner, _time);
        var token = Token(Start.AddMinutes(10));
        await reviewer.ReviewAsync(token, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(31));

        await reviewer.ReviewAsync(token, CancellationToken.None);

        _inner.Calls.Should().Be(2);
    }

    [Test]
    public async Task A_verdict_never_outlives_the_token()
    {
        var reviewer = new CachingTokenReviewer(_inner, _time);
        var token = Token(Start.AddSeconds(10));
        await reviewer.ReviewAsync(token, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(11));

        var outcome = await reviewer.ReviewAsync(token, CancellationToken.None);

        (outcome.Status, _inner.Calls).Should().Be((TokenReviewStatus.Rejected, 1));
    }

    [Test]
    public async Task An_unavailable_review_is_not_cached()
    {
        _inner.Next = TokenReviewOutcome.Unavailable("down");
        var reviewer = new CachingTokenReviewer(_inner, _time);
        var token = Token(Start.AddMinutes(10));
        await reviewer.ReviewAsync(token, CancellationToken.None);

        await reviewer.ReviewAsync(token, CancellationToken.None);

        _inner.Calls.Should().Be(2);
    }

    private static string Token(DateTimeOffset exp)
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"exp":{{exp.ToUnixTimeSeconds()}}}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"e30.{payload}.{Guid.NewGuid():N}";
    }

    private sealed class CountingReviewer : ITokenReviewer
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public TokenReviewOutcome Next { get; set; } = new(TokenReviewStatus.Authenticated, "ns", "t-agent", "t-agent", "uid", null);

        public Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(Next);
        }
    }
}
