using StackExchange.Redis;

namespace Airlock.Stores.Limits;

/// <summary>Counters in Redis, so every gateway replica enforces one ceiling per task (atomic Lua scripts, see <see cref="RedisLimitScripts"/>).</summary>
public sealed class RedisLimitStore : ILimitStore
{
    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _db;
    private readonly string _prefix;

    private RedisLimitStore(ConnectionMultiplexer connection, string prefix)
    {
        _connection = connection;
        _db = connection.GetDatabase();
        _prefix = prefix;
    }

    /// <summary>Connects to Redis (<paramref name="configuration"/> in StackExchange.Redis form, e.g. <c>127.0.0.1:6379</c>).</summary>
    public static async Task<RedisLimitStore> ConnectAsync(string configuration, string prefix = "airlock:limits:")
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        var connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        return new RedisLimitStore(connection, prefix);
    }

    public async ValueTask<LimitDecision> AcquireAsync(string key, LimitCeilings ceilings, long estimatedTokens, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await _db.ScriptEvaluateAsync(
            RedisLimitScripts.Acquire,
            [Key(key)],
            [ceilings.RequestsPerMinute ?? -1, ceilings.TokensPerMinute ?? -1, ceilings.MaxTotalTokens ?? -1, estimatedTokens]).ConfigureAwait(false))!;
        var verdict = (LimitVerdict)(int)result[0];
        return verdict == LimitVerdict.Allowed ? LimitDecision.Allow : new LimitDecision(verdict, TimeSpan.FromMilliseconds((long)result[1]));
    }

    public async ValueTask CompleteAsync(string key, long estimatedTokens, long usedTokens, CancellationToken cancellationToken) =>
        await _db.ScriptEvaluateAsync(RedisLimitScripts.Complete, [Key(key)], [estimatedTokens, usedTokens]).ConfigureAwait(false);

    public async ValueTask<LimitUsage> GetUsageAsync(string key, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisLimitScripts.Usage, [Key(key)]).ConfigureAwait(false))!;
        return new LimitUsage((long)result[0], (long)result[1], (long)result[2], (long)result[3]);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync().ConfigureAwait(false);

    // The braces make every key of one task hash to the same slot (Redis Cluster); braces inside the key are replaced.
    private RedisKey Key(string key) => $"{_prefix}{{{key.Replace('{', '(').Replace('}', ')')}}}:";
}
