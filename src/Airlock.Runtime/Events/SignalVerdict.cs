namespace Airlock.Runtime.Events;

/// <summary>The outcome of <see cref="SignalSeal.Verify"/>: sealed (with the sealed issue time) or refused and why.</summary>
public readonly record struct SignalVerdict(SignalSealProblem Problem, DateTime IssuedAt)
{
    public bool IsSealed => Problem == SignalSealProblem.None;

    public static SignalVerdict Sealed(DateTime issuedAt) => new(SignalSealProblem.None, issuedAt);

    public static SignalVerdict Refused(SignalSealProblem problem) => new(problem, DateTime.MinValue);
}
