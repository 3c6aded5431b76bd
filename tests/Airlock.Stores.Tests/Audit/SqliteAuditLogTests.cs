using System.Text.Json.Nodes;
using Airlock.Stores.Audit;
using Airlock.Stores.Audit.Sqlite;
using Airlock.Testing;
using Microsoft.Data.Sqlite;

namespace Airlock.Stores.Tests.Audit;

public sealed class SqliteAuditLogTests : AuditStoreContract
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("airlock-audit-").FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Records_survive_closing_and_reopening_the_file()
    {
        await using (var store = SqliteAuditLog.OpenStateDirectory(_dir, Time))
        {
            for (var i = 0; i < 3; i++) await store.AppendAsync(Entry(i), CancellationToken.None);
        }
        await using var reopened = SqliteAuditLog.OpenStateDirectory(_dir, Time);
        await reopened.AppendAsync(Entry(3), CancellationToken.None);

        var result = await AuditChainVerifier.VerifyAsync(reopened, CancellationToken.None);

        (result.Intact, result.LastSequence).Should().Be((true, 4L));
    }

    [Test]
    public async Task Two_writers_on_one_file_extend_one_chain()
    {
        await using var a = SqliteAuditLog.OpenStateDirectory(_dir, Time);
        await using var b = SqliteAuditLog.OpenStateDirectory(_dir, Time);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).AppendAsync(Entry(i), CancellationToken.None))));
        var result = await AuditChainVerifier.VerifyAsync(a, CancellationToken.None);

        (result.Intact, result.Records).Should().Be((true, 60L));
    }

    [Test]
    public async Task The_file_is_in_wal_mode()
    {
        await using var store = SqliteAuditLog.OpenStateDirectory(_dir, Time);
        await store.AppendAsync(Entry(0), CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={store.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = (string?)await command.ExecuteScalarAsync();

        mode.Should().Be("wal");
    }

    [Test]
    public async Task Appends_are_checkpointed_into_the_database_file_in_the_background()
    {
        await using var store = SqliteAuditLog.OpenStateDirectory(_dir, Time);
        var big = new string('x', 64 * 1024);
        for (var i = 0; i < 80; i++) await store.AppendAsync(new AuditEntry("test", "ns", "t", null, new JsonObject { ["i"] = i, ["pad"] = big }), CancellationToken.None);

        await Eventually.UntilAsync(() => Task.FromResult(new FileInfo(store.Path).Length > 2 * 1024 * 1024), "the records in the database file", TimeSpan.FromSeconds(30));
    }

    protected override Task<IAuditStore> OpenAsync() => Task.FromResult<IAuditStore>(SqliteAuditLog.OpenStateDirectory(_dir, Time));

    protected override Task AlterDataAsync(IAuditStore store, long sequence, string dataText) =>
        ExecuteAsync(store, "UPDATE audit_records SET data = $v WHERE seq = $a", dataText, sequence, 0);

    protected override Task DeleteRawAsync(IAuditStore store, long fromSequence, long toSequence) =>
        ExecuteAsync(store, "DELETE FROM audit_records WHERE seq BETWEEN $a AND $b", "", fromSequence, toSequence);

    private static async Task ExecuteAsync(IAuditStore store, string sql, string value, long a, long b)
    {
        await using var connection = new SqliteConnection($"Data Source={((SqliteAuditLog)store).Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$v", value);
        command.Parameters.AddWithValue("$a", a);
        command.Parameters.AddWithValue("$b", b);
        await command.ExecuteNonQueryAsync();
    }
}
