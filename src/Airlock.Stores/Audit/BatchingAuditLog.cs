using System.Threading.Channels;

namespace Airlock.Stores.Audit;

/// <summary>
/// Group commit for durable audit stores: appends queue up and one writer links and commits them in batches (one transaction,
/// one fsync for many records). <see cref="AppendAsync"/> returns only after its batch committed, so an acknowledged record
/// survives a crash while throughput does not pay one fsync per record.
/// </summary>
public abstract class BatchingAuditLog : IAuditStore
{
    private const int MaxBatch = 512;

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider _time;
    private readonly Task _writer;

    protected BatchingAuditLog(TimeProvider? time)
    {
        _time = time ?? TimeProvider.System;
        // Nothing is queued before the derived constructor returns, so the loop never sees a half-built store.
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new PendingAppend(entry);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(GetType().Name);
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    public abstract IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence, CancellationToken cancellationToken);

    public abstract Task<AuditChainHead> GetHeadAsync(CancellationToken cancellationToken);

    public async Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var boundary = await FindPruneBoundaryAsync(AuditChain.FormatTime(before), cancellationToken).ConfigureAwait(false);
        if (boundary is not { } cut) return 0;
        await AppendAsync(
            new AuditEntry(AuditCheckpoint.Kind, "", "", null, new System.Text.Json.Nodes.JsonObject
            {
                [AuditCheckpoint.PrunedThrough] = cut.Sequence,
                [AuditCheckpoint.PrunedThroughHash] = cut.Hash,
            }),
            cancellationToken).ConfigureAwait(false);
        return await DeleteThroughAsync(cut.Sequence, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await DisposeCoreAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Links and commits a batch in one transaction, reading the chain head inside it; returns the records in order.</summary>
    protected abstract Task<IReadOnlyList<AuditRecord>> WriteBatchAsync(IReadOnlyList<PendingAppend> batch, DateTimeOffset time, CancellationToken cancellationToken);

    /// <summary>The newest record older than <paramref name="beforeTime"/> (a stored time text), if any.</summary>
    protected abstract Task<AuditChainHead?> FindPruneBoundaryAsync(string beforeTime, CancellationToken cancellationToken);

    protected abstract Task<long> DeleteThroughAsync(long sequence, CancellationToken cancellationToken);

    protected abstract ValueTask DisposeCoreAsync();

    /// <summary>Links a batch onto <paramref name="head"/>; the caller stores the result.</summary>
    protected static List<AuditRecord> Link(IReadOnlyList<PendingAppend> batch, AuditChainHead head, DateTimeOffset time)
    {
        var records = new List<AuditRecord>(batch.Count);
        var (sequence, hash) = (head.Sequence, head.Hash);
        foreach (var pending in batch)
        {
            var record = AuditChain.Link(++sequence, time, pending.Kind, pending.Namespace, pending.Task, pending.Pod, pending.DataText, hash);
            records.Add(record);
            hash = record.Hash;
        }
        return records;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            if (batch.Count == 0) continue;
            try
            {
                var records = await WriteBatchAsync(batch, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(records[i]);
            }
            catch (Exception e)
            {
                foreach (var pending in batch) pending.Done.TrySetException(e);
            }
        }
    }
}
