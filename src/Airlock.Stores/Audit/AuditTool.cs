using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.Stores.Audit;

/// <summary>
/// What <c>airlock audit verify|tail</c> do, as testable functions over an open store. Exit codes: 0 intact, 1 the chain is
/// broken (tampering or loss), 2 the log could not be opened or read.
/// </summary>
public static class AuditTool
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int Unusable = 2;

    public static async Task<int> VerifyAsync(IAuditStore store, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await AuditChainVerifier.VerifyAsync(store, cancellationToken).ConfigureAwait(false);
        if (result.Intact)
        {
            var range = result.Records == 0 ? "empty" : $"sequences {result.FirstSequence}..{result.LastSequence}";
            await output.WriteLineAsync($"audit chain intact: {result.Records} records ({range})").ConfigureAwait(false);
            return Intact;
        }
        await output.WriteLineAsync($"audit chain BROKEN at sequence {result.FirstBrokenSequence}: {result.Problem}").ConfigureAwait(false);
        return Broken;
    }

    public static async Task<int> TailAsync(IAuditStore store, int count, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var head = await store.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        var from = Math.Max(0, head.Sequence - count + 1);
        await foreach (var record in store.ReadAsync(from, cancellationToken).ConfigureAwait(false))
        {
            await output.WriteLineAsync(json ? Json(record) : Line(record)).ConfigureAwait(false);
        }
        return Intact;
    }

    /// <summary>Opens the log of a state directory (SQLite) or a PostgreSQL database; null with a message when it cannot be.</summary>
    public static async Task<(IAuditStore? Store, string? Error)> OpenAsync(string? stateDir, string? postgres, CancellationToken cancellationToken)
    {
        if (postgres is { Length: > 0 })
        {
            try
            {
                return (await Postgres.PostgresAuditLog.OpenAsync(postgres, cancellationToken: cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
            {
                return (null, $"cannot open the PostgreSQL audit log: {e.Message}");
            }
        }
        if (stateDir is not { Length: > 0 }) return (null, "give --state-dir DIR or --postgres CONNSTR");
        var path = Path.Combine(stateDir, Sqlite.SqliteAuditLog.DefaultFileName);
        if (!File.Exists(path)) return (null, $"no audit log at {path}");
        return (Sqlite.SqliteAuditLog.Open(path), null);
    }

    private static string Line(AuditRecord record)
    {
        var data = record.Data;
        var summary = record.Kind == "model.call"
            ? $"{data["model"]} status={data["status"]} tokens={data["promptTokens"]}+{data["completionTokens"]}{(data["refusal"] is { } r ? " refusal=" + r : "")}"
            : data.ToJsonString();
        var who = record.Namespace.Length == 0 ? "-" : $"{record.Namespace}/{record.Task}";
        return string.Create(CultureInfo.InvariantCulture, $"{record.Sequence,6} {record.Time:yyyy-MM-ddTHH:mm:ss.fffZ} {record.Kind,-18} {who} {summary}");
    }

    private static string Json(AuditRecord record) => new JsonObject
    {
        ["sequence"] = record.Sequence,
        ["time"] = AuditChain.FormatTime(record.Time),
        ["kind"] = record.Kind,
        ["namespace"] = record.Namespace,
        ["task"] = record.Task,
        ["pod"] = record.Pod,
        ["data"] = record.Data.DeepClone(),
        ["previousHash"] = record.PreviousHash,
        ["hash"] = record.Hash,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
