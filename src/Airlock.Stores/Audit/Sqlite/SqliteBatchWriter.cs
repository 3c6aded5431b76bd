using Microsoft.Data.Sqlite;

namespace Airlock.Stores.Audit.Sqlite;

/// <summary>
/// The one connection a <see cref="SqliteAuditLog"/> writes through, with its three statements prepared once (SQLite parses
/// a statement on every new command otherwise, a good part of a small commit's cost). Used by one writer at a time.
/// </summary>
internal sealed class SqliteBatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _readHead;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _values;
    private readonly SqliteCommand _updateHead;

    public SqliteBatchWriter(SqliteConnection connection)
    {
        _connection = connection;
        _readHead = connection.CreateCommand();
        _readHead.CommandText = "SELECT seq, hash FROM audit_head WHERE id = 1";
        _insert = connection.CreateCommand();
        _insert.CommandText = """
            INSERT INTO audit_records (seq, time, kind, namespace, task, pod, data, prev_hash, hash)
            VALUES ($seq, $time, $kind, $ns, $task, $pod, $data, $prev, $hash)
            """;
        _values = [.. new[] { "$seq", "$time", "$kind", "$ns", "$task", "$pod", "$data", "$prev", "$hash" }.Select(name => _insert.Parameters.Add(name, SqliteType.Text))];
        _values[0].SqliteType = SqliteType.Integer;
        _updateHead = connection.CreateCommand();
        _updateHead.CommandText = "UPDATE audit_head SET seq = $seq, hash = $hash WHERE id = 1";
        _updateHead.Parameters.Add("$seq", SqliteType.Integer);
        _updateHead.Parameters.Add("$hash", SqliteType.Text);
    }

    /// <summary>Links <paramref name="batch"/> onto the stored head and commits it with the new head in one transaction.</summary>
    public IReadOnlyList<AuditRecord> Write(IReadOnlyList<PendingAppend> batch, DateTimeOffset time)
    {
        // BEGIN IMMEDIATE takes the write lock before the head is read, so another process cannot link onto the same head.
        using var transaction = _connection.BeginTransaction(deferred: false);
        _readHead.Transaction = _insert.Transaction = _updateHead.Transaction = transaction;
        AuditChainHead head;
        using (var reader = _readHead.ExecuteReader())
        {
            head = reader.Read() ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1)) : new AuditChainHead(0, AuditChain.GenesisHash);
        }
        var records = BatchingAuditLog.LinkBatch(batch, head, time);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            _values[0].Value = r.Sequence;
            _values[1].Value = AuditChain.FormatTime(r.Time);
            _values[2].Value = r.Kind;
            _values[3].Value = r.Namespace;
            _values[4].Value = r.Task;
            _values[5].Value = (object?)r.Pod ?? DBNull.Value;
            _values[6].Value = batch[i].DataText;
            _values[7].Value = r.PreviousHash;
            _values[8].Value = r.Hash;
            _insert.ExecuteNonQuery();
        }
        _updateHead.Parameters[0].Value = records[^1].Sequence;
        _updateHead.Parameters[1].Value = records[^1].Hash;
        _updateHead.ExecuteNonQuery();
        transaction.Commit();
        return records;
    }

    public void Dispose()
    {
        _readHead.Dispose();
        _insert.Dispose();
        _updateHead.Dispose();
        _connection.Dispose();
    }
}
