using System.CommandLine;
using Airlock.Stores.Audit;

namespace Airlock.Cli.Commands;

/// <summary>`airlock audit verify|tail --state-dir DIR | --postgres CONNSTR`: check the hash chain (exit 0 intact, 1 broken, 2 unusable) or show recent records.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Inspect the gateway's hash-chained audit log.");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Tail());
        return command;
    }

    private static Command Verify()
    {
        var (stateDir, postgres) = SourceOptions();
        var command = new Command("verify", "Check every link of the audit chain; exit 1 and name the first broken sequence on tampering.") { stateDir, postgres };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(stateDir), parse.GetValue(postgres), store => AuditTool.VerifyAsync(store, Console.Out, cancellationToken), cancellationToken));
        return command;
    }

    private static Command Tail()
    {
        var (stateDir, postgres) = SourceOptions();
        var count = new Option<int>("--lines", "-n") { Description = "How many records.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "One JSON object per line." };
        var command = new Command("tail", "Show the most recent audit records.") { stateDir, postgres, count, json };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(stateDir), parse.GetValue(postgres),
                store => AuditTool.TailAsync(store, Math.Max(1, parse.GetValue(count)), parse.GetValue(json), Console.Out, cancellationToken), cancellationToken));
        return command;
    }

    private static (Option<string?> StateDir, Option<string?> Postgres) SourceOptions() =>
        (new Option<string?>("--state-dir") { Description = "State directory of `airlock dev` (its audit.db)." },
         new Option<string?>("--postgres") { Description = "PostgreSQL connection string of a shared audit log." });

    private static async Task<int> RunAsync(string? stateDir, string? postgres, Func<IAuditStore, Task<int>> action, CancellationToken cancellationToken)
    {
        var (store, error) = await AuditTool.OpenAsync(stateDir, postgres, cancellationToken);
        if (store is null)
        {
            await Console.Error.WriteLineAsync($"audit: {error}");
            return AuditTool.Unusable;
        }
        await using (store)
        {
            try
            {
                return await action(store);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"audit: cannot read the log: {e.Message}");
                return AuditTool.Unusable;
            }
        }
    }
}
