using System.Text.Json.Nodes;
using Airlock.Stores.Audit;
using Airlock.Stores.Audit.Sqlite;
using Microsoft.Data.Sqlite;

namespace Airlock.Stores.Tests.Audit;

public sealed class AuditToolTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("airlock-audit-tool-").FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Verify_exits_0_for_an_intact_log()
    {
        await using var store = await SeedAsync(3);

        var code = await AuditTool.VerifyAsync(store, TextWriter.Null, CancellationToken.None);

        code.Should().Be(AuditTool.Intact);
    }

    [Test]
    public async Task Verify_exits_1_and_names_the_sequence_of_a_tampered_log()
    {
        await using var store = await SeedAsync(3);
        await using (var connection = new SqliteConnection($"Data Source={store.Path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit_records SET task = 'someone-else' WHERE seq = 2";
            await command.ExecuteNonQueryAsync();
        }
        var output = new StringWriter();

        var code = await AuditTool.VerifyAsync(store, output, CancellationToken.None);

        (code, output.ToString().Contains("sequence 2", StringComparison.Ordinal)).Should().Be((AuditTool.Broken, true));
    }

    [Test]
    public async Task Opening_a_state_directory_without_a_log_is_an_error()
    {
        var (store, error) = await AuditTool.OpenAsync(Path.Combine(_dir, "missing"), null, CancellationToken.None);

        (store, error).Should().Match<(IAuditStore?, string?)>(x => x.Item1 == null && x.Item2!.Contains("no audit log"));
    }

    [Test]
    public async Task Tail_prints_the_last_records()
    {
        await using var store = await SeedAsync(5);
        var output = new StringWriter();

        await AuditTool.TailAsync(store, 2, json: true, output, CancellationToken.None);
        var sequences = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (long?)JsonNode.Parse(l)!["sequence"]);

        sequences.Should().Equal(4L, 5L);
    }

    private async Task<SqliteAuditLog> SeedAsync(int count)
    {
        var store = SqliteAuditLog.OpenStateDirectory(_dir);
        for (var i = 0; i < count; i++)
        {
            await store.AppendAsync(new AuditEntry("model.call", "agents", "t" + i, null, new JsonObject { ["model"] = "m", ["status"] = 200 }), CancellationToken.None);
        }
        return store;
    }
}
