namespace Airlock.Stores.Audit;

/// <summary>
/// The outcome of checking a chain: intact or not, how many records were checked, and where it first breaks (the first
/// sequence whose link does not hold) with a readable reason.
/// </summary>
public sealed record AuditVerification(bool Intact, long Records, long? FirstSequence, long? LastSequence, long? FirstBrokenSequence, string? Problem)
{
    public static AuditVerification Broken(long records, long? first, long? last, long at, string problem) => new(false, records, first, last, at, problem);
}
