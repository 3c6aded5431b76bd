using Airlock.Stores.Audit;

namespace Airlock.Gateway.Hosting;

/// <summary>Prunes audit records older than the retention once an hour (behind a checkpoint, so the chain still verifies).</summary>
public static class AuditRetentionLoop
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public static async Task RunAsync(Airlock.Stores.Audit.IAuditLog audit, TimeSpan? retention, TimeProvider time, CancellationToken cancellationToken)
    {
        if (retention is not { } keep || audit is not IAuditStore store) return;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await store.PruneAsync(time.GetUtcNow() - keep, cancellationToken).ConfigureAwait(false);
                await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception)
            {
                // Retention is housekeeping: try again next round.
                await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
