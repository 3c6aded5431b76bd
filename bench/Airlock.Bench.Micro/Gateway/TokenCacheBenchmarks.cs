using System.Text;
using Airlock.Gateway.Auth;
using BenchmarkDotNet.Attributes;

namespace Airlock.Bench.Micro.Gateway;

/// <summary>The gateway's authentication on a cache hit: expiry read from the token, SHA-256 key, dictionary lookup.</summary>
[MemoryDiagnoser]
public class TokenCacheBenchmarks
{
    private readonly CachingTokenReviewer _cache = new(new AlwaysAuthenticated(), TimeProvider.System);
    private readonly string _token = UnsignedJwt(DateTimeOffset.UtcNow.AddHours(1));

    [GlobalSetup]
    public void Warm() => _cache.ReviewAsync(_token, CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark]
    public Task<TokenReviewOutcome> CachedReview() => _cache.ReviewAsync(_token, CancellationToken.None);

    private static string UnsignedJwt(DateTimeOffset expiry)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("""{"alg":"RS256","kid":"bench"}""")}.{Part($$"""{"aud":["airlock-gateway"],"exp":{{expiry.ToUnixTimeSeconds()}},"sub":"system:serviceaccount:agents:caller-agent"}""")}.{Part("signature")}";
    }

    /// <summary>The TokenReview the cache stands in front of (never called on a hit).</summary>
    private sealed class AlwaysAuthenticated : ITokenReviewer
    {
        public Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken) =>
            Task.FromResult(new TokenReviewOutcome(TokenReviewStatus.Authenticated, "agents", "caller-agent", "caller-agent", "uid-1", null));
    }
}
