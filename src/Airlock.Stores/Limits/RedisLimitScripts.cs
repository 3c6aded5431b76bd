namespace Airlock.Stores.Limits;

/// <summary>
/// The Lua scripts behind <see cref="RedisLimitStore"/>. Redis runs a script atomically, so check-and-count cannot interleave
/// across replicas; the window comes from the server's clock (TIME), so replicas with skewed clocks share one window.
/// Every key of a task shares the hash tag in KEYS[1].
/// </summary>
internal static class RedisLimitScripts
{
    private const string Prelude = """
        local t = redis.call('TIME')
        local nowMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = math.floor(nowMs / 60000)
        local base = KEYS[1]
        local rk = base .. 'requests:' .. window
        local tk = base .. 'tokens:' .. window
        local totalKey = base .. 'total'
        local reservedKey = base .. 'reserved'
        """;

    /// <summary>ARGV: rpm, tpm, budget (-1: none), estimate. Returns {verdict, retryMs} (verdicts as <see cref="LimitVerdict"/>).</summary>
    public const string Acquire = Prelude + """

        local rpm = tonumber(ARGV[1])
        local tpm = tonumber(ARGV[2])
        local budget = tonumber(ARGV[3])
        local est = tonumber(ARGV[4])
        local requests = tonumber(redis.call('GET', rk) or '0')
        local wtokens = tonumber(redis.call('GET', tk) or '0')
        local total = tonumber(redis.call('GET', totalKey) or '0')
        local reserved = tonumber(redis.call('GET', reservedKey) or '0')
        local retry = (window + 1) * 60000 - nowMs
        if retry < 1000 then retry = 1000 end
        if budget >= 0 then
          if total >= budget then return {3, 0} end
          if reserved > 0 and total + reserved + est > budget then return {4, 1000} end
        end
        if tpm >= 0 then
          if wtokens >= tpm then return {2, retry} end
          if reserved > 0 and wtokens + reserved + est > tpm then return {2, retry} end
        end
        if rpm >= 0 and requests >= rpm then return {1, retry} end
        redis.call('INCR', rk)
        redis.call('PEXPIRE', rk, 120000)
        redis.call('INCRBY', reservedKey, est)
        redis.call('PEXPIRE', reservedKey, 600000)
        return {0, 0}
        """;

    /// <summary>ARGV: estimate, used tokens.</summary>
    public const string Complete = Prelude + """

        local est = tonumber(ARGV[1])
        local used = tonumber(ARGV[2])
        redis.call('INCRBY', tk, used)
        redis.call('PEXPIRE', tk, 120000)
        redis.call('INCRBY', totalKey, used)
        redis.call('PEXPIRE', totalKey, 2592000000)
        local r = redis.call('DECRBY', reservedKey, est)
        if r < 0 then redis.call('SET', reservedKey, 0) end
        redis.call('PEXPIRE', reservedKey, 600000)
        return 1
        """;

    /// <summary>Returns {requests, window tokens, total tokens, reserved}.</summary>
    public const string Usage = Prelude + """

        return {tonumber(redis.call('GET', rk) or '0'), tonumber(redis.call('GET', tk) or '0'),
                tonumber(redis.call('GET', totalKey) or '0'), tonumber(redis.call('GET', reservedKey) or '0')}
        """;
}
