using Microsoft.Data.Sqlite;

namespace Airlock.Stores.Audit.Sqlite;

/// <summary>
/// Moves SQLite's WAL checkpoints off the append path. With automatic checkpoints, the commit that crosses the WAL size limit
/// copies the WAL into the database and syncs it, so an unlucky caller waits milliseconds for it. Instead the writer turns
/// automatic checkpoints off and calls <see cref="Written"/>; once enough was written, a passive checkpoint (which never
/// blocks writers) runs on a connection of its own in the background.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>About what SQLite's default automatic checkpoint allows to accumulate (1000 pages of 4 KiB).</summary>
    public const long CheckpointBytes = 4 * 1024 * 1024;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _written;

    public SqliteCheckpointer(string connectionString)
    {
        _connectionString = connectionString;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Counts committed bytes (roughly: the records' text); asks for a checkpoint past <see cref="CheckpointBytes"/>.</summary>
    public void Written(long bytes)
    {
        if (Interlocked.Add(ref _written, bytes) < CheckpointBytes) return;
        Interlocked.Exchange(ref _written, 0);
        if (_due.CurrentCount == 0)
        {
            try
            {
                _due.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already asked.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _due.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _due.WaitAsync(_stop.Token).ConfigureAwait(false);
                await using var connection = new SqliteConnection(_connectionString);
                await connection.OpenAsync(_stop.Token).ConfigureAwait(false);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SqliteException)
            {
                // A busy or failed checkpoint is retried at the next threshold; the WAL only grows meanwhile.
            }
        }
    }
}
