namespace Airlock.Stores.Limits;

/// <summary>The admission rule shared by the stores (the Redis script mirrors it line for line).</summary>
public static class LimitRules
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait when the budget is contended by calls in flight.</summary>
    public static readonly TimeSpan ContendedRetry = TimeSpan.FromSeconds(1);

    public static LimitVerdict Check(LimitCeilings ceilings, long requests, long windowTokens, long totalTokens, long reserved, long estimate)
    {
        if (ceilings.MaxTotalTokens is { } budget)
        {
            if (totalTokens >= budget) return LimitVerdict.BudgetExhausted;
            if (reserved > 0 && totalTokens + reserved + estimate > budget) return LimitVerdict.BudgetContended;
        }
        if (ceilings.TokensPerMinute is { } tpm)
        {
            if (windowTokens >= tpm) return LimitVerdict.TokensPerMinute;
            if (reserved > 0 && windowTokens + reserved + estimate > tpm) return LimitVerdict.TokensPerMinute;
        }
        if (ceilings.RequestsPerMinute is { } rpm && requests >= rpm) return LimitVerdict.RequestsPerMinute;
        return LimitVerdict.Allowed;
    }
}
