using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Airlock.Stores.Audit.Sqlite;

/// <summary>
/// The audit chain in a SQLite file: WAL journal, <c>BEGIN IMMEDIATE</c> so several processes on one file still serialise the
/// chain, and a one-row chain head updated in the same transaction as the records. Appends are group-committed (see
/// <see cref="BatchingAuditLog"/>); how far an acknowledged append survives is the <see cref="SqliteDurability"/> it was
/// opened with (by default a process crash, without an fsync per commit).
/// </summary>
public sealed class SqliteAuditLog : BatchingAuditLog
{
    /// <summary>The file name in a state directory (<c>airlock dev --state-dir</c>).</summary>
    public const string DefaultFileName = "audit.db";

    private readonly string _connectionString;
    private readonly SqliteBatchWriter _writer;
    private readonly SqliteCheckpointer _checkpointer;

    private SqliteAuditLog(string connectionString, SqliteConnection writer, TimeProvider? time)
        : base(time)
    {
        _connectionString = connectionString;
        _writer = new SqliteBatchWriter(writer);
        _checkpointer = new SqliteCheckpointer(connectionString);
    }

    public string Path { get; private init; } = "";

    public SqliteDurability Durability { get; private init; }

    /// <summary>Opens (creating when missing) the log at <paramref name="path"/>.</summary>
    public static SqliteAuditLog Open(string path, TimeProvider? time = null, SqliteDurability durability = SqliteDurability.ProcessCrash)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString();
        var writer = OpenConnection(connectionString);
        using (var sync = writer.CreateCommand())
        {
            // Only the writer's settings matter: readers commit nothing, and checkpoints run in the background (SqliteCheckpointer).
            sync.CommandText = (durability == SqliteDurability.PowerLoss ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;") + " PRAGMA wal_autocheckpoint=0;";
            sync.ExecuteNonQuery();
        }
        using (var schema = writer.CreateCommand())
        {
            schema.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE IF NOT EXISTS audit_records (
                    seq INTEGER PRIMARY KEY, time TEXT NOT NULL, kind TEXT NOT NULL, namespace TEXT NOT NULL, task TEXT NOT NULL,
                    pod TEXT, data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS audit_records_time ON audit_records(time);
                CREATE TABLE IF NOT EXISTS audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
                INSERT OR IGNORE INTO audit_head (id, seq, hash) VALUES (1, 0, $genesis);
                """;
            schema.Parameters.AddWithValue("$genesis", AuditChain.GenesisHash);
            schema.ExecuteNonQuery();
        }
        return new SqliteAuditLog(connectionString, writer, time) { Path = full, Durability = durability };
    }

    /// <summary>Opens the log of a state directory (<c>DIR/audit.db</c>).</summary>
    public static SqliteAuditLog OpenStateDirectory(string stateDir, TimeProvider? time = null, SqliteDurability durability = SqliteDurability.ProcessCrash) =>
        Open(System.IO.Path.Combine(stateDir, DefaultFileName), time, durability);

    public override async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection(_connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, time, kind, namespace, task, pod, data, prev_hash, hash FROM audit_records WHERE seq >= $from ORDER BY seq";
        command.Parameters.AddWithValue("$from", fromSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return AuditChain.FromStored(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8));
        }
    }

    public override async Task<AuditChainHead> GetHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection(_connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash FROM audit_head WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1)) : new AuditChainHead(0, AuditChain.GenesisHash);
    }

    protected override Task<IReadOnlyList<AuditRecord>> WriteBatchAsync(IReadOnlyList<PendingAppend> batch, DateTimeOffset time, CancellationToken cancellationToken)
    {
        var records = _writer.Write(batch, time);
        long bytes = 0;
        foreach (var pending in batch) bytes += 256 + pending.DataText.Length;
        _checkpointer.Written(bytes);
        return Task.FromResult(records);
    }

    protected override async Task<AuditChainHead?> FindPruneBoundaryAsync(string beforeTime, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection(_connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash FROM audit_records WHERE time < $before ORDER BY seq DESC LIMIT 1";
        command.Parameters.AddWithValue("$before", beforeTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    protected override async Task<long> DeleteThroughAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection(_connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit_records WHERE seq <= $seq";
        command.Parameters.AddWithValue("$seq", sequence);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await _checkpointer.DisposeAsync().ConfigureAwait(false);
        _writer.Dispose();
    }

    private static SqliteConnection OpenConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout=10000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
