namespace Airlock.Stores.Audit;

/// <summary>
/// The append-only, hash-chained audit log shared by the gateway, the egress proxy and the operator.
/// An append that returned is durable (acknowledged): a crash afterwards must not lose it.
/// </summary>
public interface IAuditLog : IAsyncDisposable
{
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Records in sequence order, starting at <paramref name="fromSequence"/>.</summary>
    IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence, CancellationToken cancellationToken);
}
