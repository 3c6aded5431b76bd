using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Airlock.Gateway.Auth;

/// <summary>
/// Caches TokenReview verdicts by the SHA-256 of the token (the token itself is never kept) for at most
/// <see cref="MaxAge"/> and never past the token's <c>exp</c>; rejections for <see cref="RejectionMaxAge"/>. An unavailable
/// review is never cached. An expired token is refused without asking.
/// </summary>
public sealed class CachingTokenReviewer(ITokenReviewer inner, TimeProvider time, TimeSpan? maxAge = null) : ITokenReviewer
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RejectionMaxAge = TimeSpan.FromSeconds(5);
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
            return cached.Outcome;
        }
        var outcome = await inner.ReviewAsync(token, cancellationToken).ConfigureAwait(false);
        if (outcome.Status != TokenReviewStatus.Unavailable && expiry is { } bound)
        {
            var until = now + (outcome.Status == TokenReviewStatus.Authenticated ? _maxAge : RejectionMaxAge);
            if (until > bound) until = bound;
            Sweep(now);
            _entries[key] = new Entry(outcome, until);
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

    private sealed record Entry(TokenReviewOutcome Outcome, DateTimeOffset Until);
}
