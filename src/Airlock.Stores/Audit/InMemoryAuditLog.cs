using System.Runtime.CompilerServices;

namespace Airlock.Stores.Audit;

/// <summary>An audit chain held in memory, for tests and for runs that need no durable log.</summary>
public sealed class InMemoryAuditLog(TimeProvider? time = null) : IAuditStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly List<AuditRecord> _records = [];
    private readonly Lock _lock = new();
    private AuditChainHead _head = new(0, AuditChain.GenesisHash);

    public int Count
    {
        get
        {
            lock (_lock) return _records.Count;
        }
    }

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new PendingAppend(entry);
        lock (_lock)
        {
            var record = AuditChain.Link(_head.Sequence + 1, _time.GetUtcNow(), pending.Kind, pending.Namespace, pending.Task, pending.Pod, pending.DataText, _head.Hash);
            _records.Add(record);
            _head = new AuditChainHead(record.Sequence, record.Hash);
            return Task.FromResult(record);
        }
    }

    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AuditRecord[] snapshot;
        lock (_lock) snapshot = [.. _records.Where(r => r.Sequence >= fromSequence)];
        foreach (var record in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<AuditChainHead> GetHeadAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_head);
    }

    public async Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        AuditRecord? cut;
        lock (_lock) cut = _records.LastOrDefault(r => r.Time < before);
        if (cut is null) return 0;
        await AppendAsync(
            new AuditEntry(AuditCheckpoint.Kind, "", "", null, new System.Text.Json.Nodes.JsonObject
            {
                [AuditCheckpoint.PrunedThrough] = cut.Sequence,
                [AuditCheckpoint.PrunedThroughHash] = cut.Hash,
            }),
            cancellationToken).ConfigureAwait(false);
        lock (_lock) return _records.RemoveAll(r => r.Sequence <= cut.Sequence);
    }

    /// <summary>Replaces (or, when <paramref name="change"/> returns null, removes) a stored record: tests simulate tampering with it.</summary>
    public void Tamper(long sequence, Func<AuditRecord, AuditRecord?> change)
    {
        lock (_lock)
        {
            var index = _records.FindIndex(r => r.Sequence == sequence);
            if (index < 0) return;
            if (change(_records[index]) is { } changed) _records[index] = changed;
            else _records.RemoveAt(index);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
