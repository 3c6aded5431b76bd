using System.Text.Json.Nodes;

namespace Airlock.Stores.Audit;

/// <summary>
/// Walks a chain in sequence order and checks every link: contiguous sequences, each previous hash equal to the hash before
/// it, each hash recomputed from the record's fields, a pruned prefix vouched for by a checkpoint, and the last record equal
/// to the stored head (so a removed tail is noticed too).
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditVerification> VerifyAsync(IAuditStore store, CancellationToken cancellationToken)
    {
        var head = await store.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        return await VerifyAsync(store.ReadAsync(0, cancellationToken), head, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditRecord> records, AuditChainHead head, CancellationToken cancellationToken)
    {
        long count = 0;
        long? first = null;
        AuditRecord? previous = null;
        (long Through, string Hash)? unanchored = null;
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
            if (previous is null)
            {
                first = record.Sequence;
                if (record.Sequence == 1)
                {
                    if (record.PreviousHash != AuditChain.GenesisHash)
                    {
                        return AuditVerification.Broken(count, first, record.Sequence, record.Sequence, "the first record does not start from the genesis hash");
                    }
                }
                else if (record.Sequence > 1)
                {
                    // Records before this one were pruned; a later checkpoint must vouch for exactly this cut.
                    unanchored = (record.Sequence - 1, record.PreviousHash);
                }
                else
                {
                    return AuditVerification.Broken(count, first, record.Sequence, record.Sequence, "sequences start at 1");
                }
            }
            else
            {
                if (record.Sequence != previous.Sequence + 1)
                {
                    return AuditVerification.Broken(count, first, record.Sequence, previous.Sequence + 1,
                        $"records {previous.Sequence + 1}..{record.Sequence - 1} are missing");
                }
                if (record.PreviousHash != previous.Hash)
                {
                    return AuditVerification.Broken(count, first, record.Sequence, record.Sequence,
                        $"record {record.Sequence} does not link to the hash of record {previous.Sequence}");
                }
            }
            if (AuditChain.ComputeHash(record) != record.Hash)
            {
                return AuditVerification.Broken(count, first, record.Sequence, record.Sequence, $"record {record.Sequence} was altered: its hash does not match its content");
            }
            if (unanchored is { } cut && IsCheckpointFor(record, cut.Through, cut.Hash)) unanchored = null;
            previous = record;
        }

        if (unanchored is { } missing)
        {
            return AuditVerification.Broken(count, first, previous?.Sequence, missing.Through + 1,
                $"records 1..{missing.Through} are gone and no checkpoint vouches for their removal");
        }
        var lastSequence = previous?.Sequence ?? 0;
        var lastHash = previous?.Hash ?? AuditChain.GenesisHash;
        if (head.Sequence > lastSequence)
        {
            return AuditVerification.Broken(count, first, previous?.Sequence, lastSequence + 1,
                $"records {lastSequence + 1}..{head.Sequence} are missing (the chain head is at {head.Sequence})");
        }
        if (head.Sequence != lastSequence || head.Hash != lastHash)
        {
            return AuditVerification.Broken(count, first, previous?.Sequence, lastSequence, $"the chain head ({head.Sequence}) does not match the last record ({lastSequence})");
        }
        return new AuditVerification(true, count, first, previous?.Sequence, null, null);
    }

    private static bool IsCheckpointFor(AuditRecord record, long through, string hash) =>
        record.Kind == AuditCheckpoint.Kind
        && record.Data[AuditCheckpoint.PrunedThrough] is JsonValue t && t.TryGetValue<long>(out var seq) && seq == through
        && record.Data[AuditCheckpoint.PrunedThroughHash] is JsonValue h && h.TryGetValue<string>(out var text) && text == hash;
}
