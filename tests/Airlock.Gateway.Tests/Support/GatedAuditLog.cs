using Airlock.Stores.Audit;

namespace Airlock.Gateway.Tests.Support;

/// <summary>An in-memory audit log whose appends wait until the test opens the gate, so a test can see what the caller has meanwhile.</summary>
public sealed class GatedAuditLog : IAuditLog
{
    private readonly InMemoryAuditLog _inner = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    /// <summary>Appends that arrived and wait for the gate.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Open() => _gate.TrySetResult();

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        await _gate.Task.WaitAsync(cancellationToken);
        return await _inner.AppendAsync(entry, cancellationToken);
    }

    public IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence, CancellationToken cancellationToken) => _inner.ReadAsync(fromSequence, cancellationToken);

    public ValueTask DisposeAsync()
    {
        Open();
        return ValueTask.CompletedTask;
    }
}
