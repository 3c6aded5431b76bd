using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Airlock.Stores.Audit;

namespace Airlock.Egress.Audit;

/// <summary>
/// A hash-chained audit log in memory, for <c>airlock dev</c> and tests when no SQLite/PostgreSQL store is given.
/// Keeps at most <paramref name="capacity"/> records (oldest dropped); nothing survives the process.
/// </summary>
public sealed class MemoryAuditLog(int capacity = 100_000, TimeProvider? time = null) : IAuditLog
{
    private readonly List<AuditRecord> _records = [];
    private readonly Lock _lock = new();
    private long _sequence;
    private string _lastHash = new('0', 64);

    public IReadOnlyList<AuditRecord> Snapshot()
    {
        lock (_lock) return [.. _records];
    }

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var sequence = ++_sequence;
            var at = (time ?? TimeProvider.System).GetUtcNow();
            var content = $"{sequence}\n{at:O}\n{entry.Kind}\n{entry.Namespace}\n{entry.Task}\n{entry.Pod}\n{entry.Data.ToJsonString()}";
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_lastHash + "\n" + content)));
            var record = new AuditRecord(sequence, at, entry.Kind, entry.Namespace, entry.Task, entry.Pod, entry.Data, _lastHash, hash);
            _lastHash = hash;
            _records.Add(record);
            if (_records.Count > capacity) _records.RemoveAt(0);
            return Task.FromResult(record);
        }
    }

    public async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in Snapshot().Where(r => r.Sequence >= fromSequence))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
