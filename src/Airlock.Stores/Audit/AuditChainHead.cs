namespace Airlock.Stores.Audit;

/// <summary>The newest link of an audit chain: its sequence and hash.</summary>
public sealed record AuditChainHead(long Sequence, string Hash);
