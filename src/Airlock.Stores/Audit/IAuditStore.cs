namespace Airlock.Stores.Audit;

/// <summary>
/// An <see cref="IAuditLog"/> that can also be verified and pruned: it knows the head of its chain (the last sequence and hash,
/// kept beside the records so a truncated tail is detected) and removes old records behind a checkpoint.
/// </summary>
public interface IAuditStore : IAuditLog
{
    /// <summary>The newest sequence and hash (sequence 0 and <see cref="AuditChain.GenesisHash"/> when empty).</summary>
    Task<AuditChainHead> GetHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Removes records older than <paramref name="before"/>, first appending an <see cref="AuditCheckpoint.Kind"/> record that
    /// names the last removed sequence and its hash, so the remaining chain still verifies. Returns how many were removed.
    /// </summary>
    Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
