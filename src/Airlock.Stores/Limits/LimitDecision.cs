namespace Airlock.Stores.Limits;

/// <summary>The answer to one admission: the verdict and, when throttled, how long until a retry can succeed.</summary>
public readonly record struct LimitDecision(LimitVerdict Verdict, TimeSpan RetryAfter)
{
    public static LimitDecision Allow { get; } = new(LimitVerdict.Allowed, TimeSpan.Zero);

    public bool Allowed => Verdict == LimitVerdict.Allowed;
}
