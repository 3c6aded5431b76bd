namespace Airlock.Stores.Limits;

/// <summary>
/// Per-task rate and budget counters (fixed one-minute windows for RPM/TPM, a life-long token total for the budget).
/// <see cref="AcquireAsync"/> checks every ceiling and, when admitted, counts the request and reserves its estimated tokens in
/// one atomic step; <see cref="CompleteAsync"/> replaces the reservation with the tokens actually used. While calls are in flight
/// a call is admitted only if the reservations fit, so a concurrent burst overshoots a token ceiling by at most one request
/// (as far as estimates hold) and never overshoots the request ceiling.
/// </summary>
public interface ILimitStore : IAsyncDisposable
{
    ValueTask<LimitDecision> AcquireAsync(string key, LimitCeilings ceilings, long estimatedTokens, CancellationToken cancellationToken);

    ValueTask CompleteAsync(string key, long estimatedTokens, long usedTokens, CancellationToken cancellationToken);

    ValueTask<LimitUsage> GetUsageAsync(string key, CancellationToken cancellationToken);
}
