using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Airlock.Stores.Audit.Postgres;

/// <summary>
/// The audit chain in PostgreSQL, shared by several gateway replicas: each batch locks the one-row chain head
/// (<c>SELECT … FOR UPDATE</c>) and updates it in the same transaction as its records, so writers in any number of
/// processes extend one serial chain. Commits are durable with the server's default <c>synchronous_commit=on</c>.
/// </summary>
public sealed class PostgresAuditLog : BatchingAuditLog
{
    // Serialises schema creation across replicas starting at once (CREATE TABLE IF NOT EXISTS can race on the catalog).
    private const long SchemaLockKey = 0x4149524c4f434b;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresAuditLog(NpgsqlDataSource dataSource, TimeProvider? time)
        : base(time) => _dataSource = dataSource;

    public static async Task<PostgresAuditLog> OpenAsync(string connectionString, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var schema = new NpgsqlCommand(
                """
                SELECT pg_advisory_xact_lock(@lock);
                CREATE TABLE IF NOT EXISTS audit_records (
                    seq BIGINT PRIMARY KEY, time TEXT COLLATE "C" NOT NULL, kind TEXT NOT NULL, namespace TEXT NOT NULL, task TEXT NOT NULL,
                    pod TEXT, data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS audit_records_time ON audit_records(time);
                CREATE TABLE IF NOT EXISTS audit_head (id INT PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);
                INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, @genesis) ON CONFLICT (id) DO NOTHING;
                """,
                connection,
                transaction);
            schema.Parameters.AddWithValue("lock", SchemaLockKey);
            schema.Parameters.AddWithValue("genesis", AuditChain.GenesisHash);
            await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new PostgresAuditLog(dataSource, time);
    }

    public override async IAsyncEnumerable<AuditRecord> ReadAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT seq, time, kind, namespace, task, pod, data, prev_hash, hash FROM audit_records WHERE seq >= @from ORDER BY seq");
        command.Parameters.AddWithValue("from", fromSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return AuditChain.FromStored(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8));
        }
    }

    public override async Task<AuditChainHead> GetHeadAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT seq, hash FROM audit_head WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1))
            : new AuditChainHead(0, AuditChain.GenesisHash);
    }

    protected override async Task<IReadOnlyList<AuditRecord>> WriteBatchAsync(IReadOnlyList<PendingAppend> batch, DateTimeOffset time, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        AuditChainHead head;
        await using (var lockHead = new NpgsqlCommand("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE", connection, transaction))
        await using (var reader = await lockHead.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) throw new InvalidOperationException("audit_head row is missing");
            head = new AuditChainHead(reader.GetInt64(0), reader.GetString(1));
        }
        var records = Link(batch, head, time);
        var batchCommand = new NpgsqlBatch(connection, transaction);
        await using (batchCommand.ConfigureAwait(false))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var r = records[i];
                var insert = new NpgsqlBatchCommand(
                    "INSERT INTO audit_records (seq, time, kind, namespace, task, pod, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
                insert.Parameters.Add(new NpgsqlParameter { Value = r.Sequence, NpgsqlDbType = NpgsqlDbType.Bigint });
                insert.Parameters.Add(new NpgsqlParameter { Value = AuditChain.FormatTime(r.Time) });
                insert.Parameters.Add(new NpgsqlParameter { Value = r.Kind });
                insert.Parameters.Add(new NpgsqlParameter { Value = r.Namespace });
                insert.Parameters.Add(new NpgsqlParameter { Value = r.Task });
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Pod ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new NpgsqlParameter { Value = batch[i].DataText });
                insert.Parameters.Add(new NpgsqlParameter { Value = r.PreviousHash });
                insert.Parameters.Add(new NpgsqlParameter { Value = r.Hash });
                batchCommand.BatchCommands.Add(insert);
            }
            var updateHead = new NpgsqlBatchCommand("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1");
            updateHead.Parameters.Add(new NpgsqlParameter { Value = records[^1].Sequence, NpgsqlDbType = NpgsqlDbType.Bigint });
            updateHead.Parameters.Add(new NpgsqlParameter { Value = records[^1].Hash });
            batchCommand.BatchCommands.Add(updateHead);
            await batchCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return records;
    }

    protected override async Task<AuditChainHead?> FindPruneBoundaryAsync(string beforeTime, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT seq, hash FROM audit_records WHERE time < @before ORDER BY seq DESC LIMIT 1");
        command.Parameters.AddWithValue("before", beforeTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    protected override async Task<long> DeleteThroughAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM audit_records WHERE seq <= @seq");
        command.Parameters.AddWithValue("seq", sequence);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override ValueTask DisposeCoreAsync() => _dataSource.DisposeAsync();
}
