namespace Airlock.Stores.Limits;

/// <summary>What a key has consumed: requests and tokens in the current minute, tokens over its life, tokens reserved by calls in flight.</summary>
public sealed record LimitUsage(long RequestsThisMinute, long TokensThisMinute, long TotalTokens, long ReservedTokens);
