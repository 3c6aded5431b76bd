using System.Net;
using Airlock.Api.Tasks;
using Airlock.Gateway.Tests.Support;
using Airlock.Stores.Audit;
using Airlock.Stores.Audit.Postgres;
using Airlock.Stores.Audit.Sqlite;
using Airlock.Stores.Limits;
using Airlock.Stores.Tests.Servers;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Airlock.Gateway.Tests.EndToEnd;

/// <summary>Gateways on the durable stores: shared ceilings over a real Redis, the audit chain on SQLite and PostgreSQL.</summary>
[NonParallelizable]
public sealed class SharedStoreTests
{
    [Test]
    public async Task Two_gateways_share_one_request_ceiling_over_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var limitsA = await RedisLimitStore.ConnectAsync(redis.Configuration);
        await using var limitsB = await RedisLimitStore.ConnectAsync(redis.Configuration);
        await using var a = await GatewayHarness.StartAsync(limits: limitsA);
        await using var b = await GatewayHarness.StartAsync(limits: limitsB, provider: a.Provider);
        var agent = await a.CreateAgentAsync(new ModelAccess { Provider = "openai", RequestsPerMinute = 3 });
        await b.CreateAgentAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await (i % 2 == 0 ? a : b).SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi"));
            statuses.Add(response.StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(3);
    }

    [Test]
    public async Task A_budget_spent_through_one_gateway_is_spent_for_the_other_over_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var limitsA = await RedisLimitStore.ConnectAsync(redis.Configuration);
        await using var limitsB = await RedisLimitStore.ConnectAsync(redis.Configuration);
        await using var a = await GatewayHarness.StartAsync(limits: limitsA);
        await using var b = await GatewayHarness.StartAsync(limits: limitsB, provider: a.Provider);
        var agent = await a.CreateAgentAsync(new ModelAccess { Provider = "openai", MaxTotalTokens = 18 });
        await b.CreateAgentAsync();
        (await a.ChatAsync(agent)).EnsureSuccessStatusCode();

        using var second = await b.SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi"));
        var body = await GatewayHarness.JsonAsync(second);

        (second.StatusCode, (string?)body["error"]?["code"]).Should().Be((HttpStatusCode.Forbidden, "budget_exhausted"));
    }

    [Test]
    public async Task A_concurrent_burst_through_two_gateways_gets_exactly_requests_per_minute_through_over_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var limitsA = await RedisLimitStore.ConnectAsync(redis.Configuration);
        await using var limitsB = await RedisLimitStore.ConnectAsync(redis.Configuration);
        await using var a = await GatewayHarness.StartAsync(limits: limitsA);
        await using var b = await GatewayHarness.StartAsync(limits: limitsB, provider: a.Provider);
        var agent = await a.CreateAgentAsync(new ModelAccess { Provider = "openai", RequestsPerMinute = 5 });
        await b.CreateAgentAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            (i % 2 == 0 ? a : b).SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi"))));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(5);
    }

    [Test]
    public async Task The_sqlite_audit_chain_of_a_gateway_verifies_and_exposes_tampering()
    {
        var dir = Directory.CreateTempSubdirectory("airlock-gw-audit-").FullName;
        try
        {
            await using (var audit = SqliteAuditLog.OpenStateDirectory(dir))
            {
                await using var harness = await GatewayHarness.StartAsync(audit: audit);
                var agent = await harness.CreateAgentAsync();
                for (var i = 0; i < 3; i++) (await harness.ChatAsync(agent)).EnsureSuccessStatusCode();
                await harness.AuditRecordsAsync(agent, 3);
            }
            var (before, after) = await VerifyTamperedAsync(dir, null, "UPDATE audit_records SET data = replace(data, '\"status\":200', '\"status\":500') WHERE seq = 2");

            (before, after).Should().Be((AuditTool.Intact, AuditTool.Broken));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public async Task The_postgres_audit_chain_shared_by_two_gateways_verifies_and_exposes_tampering()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await postgres.CreateDatabaseAsync("audit");
        var connectionString = postgres.ConnectionString("audit");
        await using (var auditA = await PostgresAuditLog.OpenAsync(connectionString))
        await using (var auditB = await PostgresAuditLog.OpenAsync(connectionString))
        {
            await using var a = await GatewayHarness.StartAsync(audit: auditA);
            await using var b = await GatewayHarness.StartAsync(audit: auditB, provider: a.Provider);
            var agent = await a.CreateAgentAsync();
            await b.CreateAgentAsync();
            await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
                (await (i % 2 == 0 ? a : b).SendAsync(agent.Token, HttpMethod.Post, "/v1/chat/completions", GatewayHarness.Chat("gpt-test", "hi"))).EnsureSuccessStatusCode()));
            await a.AuditRecordsAsync(agent, 6);
        }

        var (before, after) = await VerifyTamperedAsync(null, connectionString, "DELETE FROM audit_records WHERE seq = 3");

        (before, after).Should().Be((AuditTool.Intact, AuditTool.Broken));
    }

    /// <summary>The verify exit code before and after running <paramref name="tamper"/> against the store.</summary>
    private static async Task<(int Before, int After)> VerifyTamperedAsync(string? stateDir, string? postgres, string tamper)
    {
        var (store, error) = await AuditTool.OpenAsync(stateDir, postgres, CancellationToken.None);
        store.Should().NotBeNull(error);
        await using (store)
        {
            var before = await AuditTool.VerifyAsync(store!, TextWriter.Null, CancellationToken.None);
            if (postgres is not null)
            {
                await using var connection = new NpgsqlConnection(postgres);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(tamper, connection);
                await command.ExecuteNonQueryAsync();
            }
            else
            {
                await using var connection = new SqliteConnection($"Data Source={Path.Combine(stateDir!, SqliteAuditLog.DefaultFileName)}");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = tamper;
                await command.ExecuteNonQueryAsync();
            }
            var after = await AuditTool.VerifyAsync(store!, TextWriter.Null, CancellationToken.None);
            return (before, after);
        }
    }
}
