namespace Airlock.Stores.Audit;

/// <summary>
/// Group commit for durable audit stores: appends queue up and are linked and committed in batches (one transaction, one
/// sync for many records). <see cref="AppendAsync"/> returns only after its batch committed, so an acknowledged record is
/// as durable as the store makes a commit. The append that finds no writer commits the queue itself, on its own thread (a
/// lone call pays no hand-off to a writer thread and back); what queues up meanwhile goes to a background writer, so no
/// caller keeps writing for others.
/// </summary>
public abstract class BatchingAuditLog : IAuditStore
{
    private const int MaxBatch = 512;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private List<PendingAppend> _queue = [];
    private bool _writing;
    private bool _disposed;
    private TaskCompletionSource? _idle;

    protected BatchingAuditLog(TimeProvider? time)
    {
        _time = time ?? TimeProvider.System;
    }

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new PendingAppend(entry);
        bool lead;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Add(pending);
            lead = !_writing;
            _writing = true;
        }
        return lead ? LeadAsync(pending, cancellationToken) : pending.Done.Task.WaitAsync(cancellationToken);
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
        Task? writing = null;
        lock (_gate)
        {
            _disposed = true;
            if (_writing)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                writing = _idle.Task;
            }
        }
        if (writing is not null) await writing.ConfigureAwait(false);
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
    protected static List<AuditRecord> Link(IReadOnlyList<PendingAppend> batch, AuditChainHead head, DateTimeOffset time) => LinkBatch(batch, head, time);

    /// <summary>
    /// Links a batch onto <paramref name="head"/>; the caller stores the result. The records carry the callers' own data
    /// objects (what was stored and hashed is their text at append time).
    /// </summary>
    internal static List<AuditRecord> LinkBatch(IReadOnlyList<PendingAppend> batch, AuditChainHead head, DateTimeOffset time)
    {
        var records = new List<AuditRecord>(batch.Count);
        var (sequence, hash) = (head.Sequence, head.Hash);
        foreach (var pending in batch)
        {
            var record = AuditChain.Link(++sequence, time, pending.Kind, pending.Namespace, pending.Task, pending.Pod, pending.DataText, pending.Data, hash);
            records.Add(record);
            hash = record.Hash;
        }
        return records;
    }

    private async Task<AuditRecord> LeadAsync(PendingAppend own, CancellationToken cancellationToken)
    {
        await WriteQueuedAsync().ConfigureAwait(false);
        if (!StopWritingWhenIdle()) _ = Task.Run(DrainAsync, CancellationToken.None);
        return await own.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        do
        {
            await WriteQueuedAsync().ConfigureAwait(false);
        }
        while (!StopWritingWhenIdle());
    }

    private bool StopWritingWhenIdle()
    {
        lock (_gate)
        {
            if (_queue.Count > 0) return false;
            _writing = false;
            _idle?.TrySetResult();
            return true;
        }
    }

    /// <summary>Commits everything queued now, at most <see cref="MaxBatch"/> records a transaction, and tells each append how it went.</summary>
    private async Task WriteQueuedAsync()
    {
        List<PendingAppend> queued;
        lock (_gate)
        {
            queued = _queue;
            _queue = [];
        }
        for (var start = 0; start < queued.Count; start += MaxBatch)
        {
            var batch = start == 0 && queued.Count <= MaxBatch ? queued : queued.GetRange(start, Math.Min(MaxBatch, queued.Count - start));
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
