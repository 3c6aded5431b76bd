using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Airlock.Gateway.Auth;

/// <summary>
/// Caches TokenReview verdicts by the SHA-256 of the token (the token itself is never kept) for at most
/// <see cref="DefaultMaxAge"/> and never past the token's <c>exp</c>; rejections for <see cref="RejectionMaxAge"/>. An
/// unavailable review is never cached. An expired token is refused without asking. A verdict in use during the last
/// <see cref="RefreshAhead"/> of its life is reviewed again in the background, so a busy caller never waits for a review
/// (and a slow API server does not refuse it) while its cached verdict is still valid.
/// </summary>
public sealed class CachingTokenReviewer(ITokenReviewer inner, TimeProvider time, TimeSpan? maxAge = null) : ITokenReviewer
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RejectionMaxAge = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 100_000;

    private readonly TimeSpan _maxAge = maxAge is { } m && m < DefaultMaxAge ? m : DefaultMaxAge;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    /// <summary>Reviews answered from the cache (for metrics and tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    private long _hits;

    public async Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expiry = BearerToken.Expiry(token);
        if (expiry is { } exp && exp <= now) return TokenReviewOutcome.Rejected("token has expired");
        var key = Hash(token);
        if (_entries.TryGetValue(key, out var cached) && cached.Until > now)
        {
            Interlocked.Increment(ref _hits);
            if (cached.Renewable && cached.Until - now <= RefreshAhead && Interlocked.Exchange(ref cached.Refreshing, 1) == 0)
            {
                _ = Task.Run(() => ReviewAndCacheAsync(token, key, expiry, CancellationToken.None), CancellationToken.None);
            }
            return cached.Outcome;
        }
        return await ReviewAndCacheAsync(token, key, expiry, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TokenReviewOutcome> ReviewAndCacheAsync(string token, string key, DateTimeOffset? expiry, CancellationToken cancellationToken)
    {
        var outcome = await inner.ReviewAsync(token, cancellationToken).ConfigureAwait(false);
        if (outcome.Status != TokenReviewStatus.Unavailable && expiry is { } bound)
        {
            var now = time.GetUtcNow();
            var until = now + (outcome.Status == TokenReviewStatus.Authenticated ? _maxAge : RejectionMaxAge);
            var renewable = outcome.Status == TokenReviewStatus.Authenticated && until < bound;
            if (until > bound) until = bound;
            Sweep(now);
            _entries[key] = new Entry(outcome, until, renewable);
        }
        else if (_entries.TryGetValue(key, out var current))
        {
            // The review failed: the cached verdict (if any) serves until it expires; a later call may try again.
            Volatile.Write(ref current.Refreshing, 0);
        }
        return outcome;
    }

    private static string Hash(string token)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(token);
        SHA256.HashData(bytes, hash);
        return Convert.ToHexString(hash);
    }

    // Drops expired entries now and then, and everything when an attacker floods the cache with distinct tokens.
    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (_entries.Count < MaxEntries && now.UtcTicks - last < TimeSpan.TicksPerMinute) return;
        if (Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last) return;
        foreach (var (key, entry) in _entries)
        {
            if (entry.Until <= now) _entries.TryRemove(key, out _);
        }
        if (_entries.Count >= MaxEntries) _entries.Clear();
    }

    private sealed class Entry(TokenReviewOutcome outcome, DateTimeOffset until, bool renewable)
    {
        public TokenReviewOutcome Outcome { get; } = outcome;

        public DateTimeOffset Until { get; } = until;

        /// <summary>False when the token expires first: a new review could not extend it.</summary>
        public bool Renewable { get; } = renewable;

        public int Refreshing;
    }
}
