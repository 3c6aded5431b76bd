using Airlock.Stores.Audit;
using Airlock.Stores.Audit.Postgres;
using Airlock.Stores.Tests.Servers;
using Npgsql;

namespace Airlock.Stores.Tests.Audit;

[NonParallelizable]
public sealed class PostgresAuditLogTests : AuditStoreContract
{
    private PostgresServer? _server;
    private string _connectionString = "";

    [OneTimeSetUp]
    public async Task StartServer() => _server = await PostgresServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    [SetUp]
    public async Task CreateDatabase()
    {
        var name = "audit_" + Guid.NewGuid().ToString("N")[..12];
        await _server!.CreateDatabaseAsync(name);
        _connectionString = _server.ConnectionString(name);
    }

    [Test]
    public async Task Two_replicas_on_one_database_extend_one_chain()
    {
        await using var a = await PostgresAuditLog.OpenAsync(_connectionString, Time);
        await using var b = await PostgresAuditLog.OpenAsync(_connectionString, Time);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).AppendAsync(Entry(i), CancellationToken.None))));
        var result = await AuditChainVerifier.VerifyAsync(a, CancellationToken.None);

        (result.Intact, result.Records).Should().Be((true, 60L));
    }

    protected override async Task<IAuditStore> OpenAsync() => await PostgresAuditLog.OpenAsync(_connectionString, Time);

    protected override Task AlterDataAsync(IAuditStore store, long sequence, string dataText) =>
        ExecuteAsync("UPDATE audit_records SET data = @v WHERE seq = @a", dataText, sequence, 0);

    protected override Task DeleteRawAsync(IAuditStore store, long fromSequence, long toSequence) =>
        ExecuteAsync("DELETE FROM audit_records WHERE seq BETWEEN @a AND @b", "", fromSequence, toSequence);

    private async Task ExecuteAsync(string sql, string value, long a, long b)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("v", value);
        command.Parameters.AddWithValue("a", a);
        command.Parameters.AddWithValue("b", b);
        await command.ExecuteNonQueryAsync();
    }
}
