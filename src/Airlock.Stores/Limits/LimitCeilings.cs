namespace Airlock.Stores.Limits;

/// <summary>A task's ceilings (null: none): requests and tokens per minute, and tokens over the task's life.</summary>
public sealed record LimitCeilings(int? RequestsPerMinute, long? TokensPerMinute, long? MaxTotalTokens)
{
    public static LimitCeilings None { get; } = new(null, null, null);
}
