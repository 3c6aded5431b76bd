using System.Text.Json.Nodes;
using Airlock.Stores.Audit;
using Airlock.Stores.Audit.Sqlite;
using BenchmarkDotNet.Attributes;

namespace Airlock.Bench.Micro.Gateway;

/// <summary>
/// The gateway's audit append on SQLite (WAL) until durable, per record: one caller at a time (every append its own
/// commit) and sixteen at once (group commit shares one), with <c>synchronous=NORMAL</c> and <c>FULL</c>.
/// </summary>
[MemoryDiagnoser]
public class AuditAppendBenchmarks
{
    private static readonly JsonObject Data = new()
    {
        ["route"] = "chat.completions",
        ["provider"] = "openai",
        ["model"] = "gpt-4.1-mini",
        ["status"] = 200,
        ["latencyMs"] = 0.42,
        ["prompt"] = "[system] You label GitHub issues.\n[user] Label this issue: the build fails on a missing dependency.\n",
        ["completion"] = "Label: bug. The build fails on a missing dependency.",
    };

    private string _dir = "";
    private SqliteAuditLog _log = null!;

    [Params(SqliteDurability.ProcessCrash, SqliteDurability.PowerLoss)]
    public SqliteDurability Durability { get; set; }

    [GlobalSetup]
    public void Open()
    {
        _dir = Directory.CreateTempSubdirectory("airlock-bench-audit-").FullName;
        _log = SqliteAuditLog.OpenStateDirectory(_dir, durability: Durability);
    }

    [GlobalCleanup]
    public void Close()
    {
        _log.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public Task<AuditRecord> OneCaller() => _log.AppendAsync(Entry(), CancellationToken.None);

    [Benchmark(OperationsPerInvoke = 16)]
    public Task SixteenCallers() => Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _log.AppendAsync(Entry(), CancellationToken.None))));

    private static AuditEntry Entry() => new("model.call", "agents", "caller", "caller-agent", Data);
}
