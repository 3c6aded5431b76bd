namespace Airlock.Stores.Audit.Sqlite;

/// <summary>What an acknowledged append of a <see cref="SqliteAuditLog"/> survives (SQLite's <c>synchronous</c> in WAL mode).</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=NORMAL</c>: a commit is written to the WAL file before the append returns, so a crash or SIGKILL of the
    /// process loses nothing acknowledged; a power loss or kernel crash of the machine can lose the commits since the last
    /// checkpoint (the WAL is fsynced only then). No fsync per commit.
    /// </summary>
    ProcessCrash = 0,

    /// <summary><c>synchronous=FULL</c>: every commit is fsynced before the append returns (survives power loss; one fsync per batch).</summary>
    PowerLoss = 1,
}
