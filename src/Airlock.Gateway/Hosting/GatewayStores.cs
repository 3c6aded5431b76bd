using Airlock.Stores.Audit;
using Airlock.Stores.Audit.Postgres;
using Airlock.Stores.Audit.Sqlite;
using Airlock.Stores.Limits;

namespace Airlock.Gateway.Hosting;

/// <summary>Opens the audit log and the limit store a <see cref="GatewayComponentOptions"/> names.</summary>
public static class GatewayStores
{
    public static async Task<IAuditStore> OpenAuditAsync(GatewayComponentOptions options, CancellationToken cancellationToken)
    {
        if (options.PostgresConnectionString is { Length: > 0 } postgres) return await PostgresAuditLog.OpenAsync(postgres, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (options.StateDirectory is { Length: > 0 } dir) return SqliteAuditLog.OpenStateDirectory(dir, durability: options.AuditDurability);
        return new InMemoryAuditLog();
    }

    public static async Task<ILimitStore> OpenLimitsAsync(GatewayComponentOptions options) =>
        options.RedisConfiguration is { Length: > 0 } redis ? await RedisLimitStore.ConnectAsync(redis).ConfigureAwait(false) : new InMemoryLimitStore();
}
