using Airlock.Gateway.Serving;
using Airlock.Guardrails;
using Airlock.Stores.Audit.Sqlite;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// The gateway inside <c>airlock dev</c> (or <c>airlock gateway</c>): its serving options and where its stores live. The audit
/// log is PostgreSQL when <see cref="PostgresConnectionString"/> is set, else SQLite in <see cref="StateDirectory"/>; limits
/// are in Redis when <see cref="RedisConfiguration"/> is set, else in memory.
/// </summary>
public sealed record GatewayComponentOptions
{
    public GatewayOptions Gateway { get; init; } = new();

    public string? StateDirectory { get; init; }

    /// <summary>What an acknowledged SQLite audit record survives: a process crash (default) or also a power loss (an fsync per commit).</summary>
    public SqliteDurability AuditDurability { get; init; } = SqliteDurability.ProcessCrash;

    public string? PostgresConnectionString { get; init; }

    public string? RedisConfiguration { get; init; }

    /// <summary>Seals the anomaly Events (<see cref="GatewayDependencies.SignalSeal"/>); null writes none.</summary>
    public Runtime.Events.SignalSeal? SignalSeal { get; init; }

    /// <summary>The guardrails; <see cref="GuardrailScanner.Default"/> unless a test swaps it.</summary>
    public IGuardrailScanner Scanner { get; init; } = GuardrailScanner.Default;
}
