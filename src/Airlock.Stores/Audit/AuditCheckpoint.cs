namespace Airlock.Stores.Audit;

/// <summary>The record retention appends before it removes old records: it vouches for the removed prefix of the chain.</summary>
public static class AuditCheckpoint
{
    public const string Kind = "audit.checkpoint";

    /// <summary>Data field: the last removed sequence.</summary>
    public const string PrunedThrough = "prunedThrough";

    /// <summary>Data field: the hash of the last removed record (the first kept record's previous hash).</summary>
    public const string PrunedThroughHash = "prunedThroughHash";
}
