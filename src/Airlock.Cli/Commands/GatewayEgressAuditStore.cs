using Airlock.Stores.Audit.Sqlite;

namespace Airlock.Cli.Commands;

/// <summary>
/// Where the gateway or the egress proxy keeps its audit log: <c>sqlite</c> in <see cref="StateDirectory"/>,
/// <c>postgres</c> at <see cref="PostgresConnectionString"/> (from the environment), or <c>memory</c>; a SQLite log is opened
/// with <see cref="Durability"/>.
/// </summary>
internal sealed record GatewayEgressAuditStore(string Kind, string? StateDirectory, string? PostgresConnectionString)
{
    public SqliteDurability Durability { get; init; } = SqliteDurability.ProcessCrash;
}
