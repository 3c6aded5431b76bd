using System.Text.RegularExpressions;
using Airlock.Guardrails.Injection.Learned;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// Scores content the agent did not author (tool results, retrieved documents, user content) for prompt injection.
/// The text is normalised (invisible characters, NFKC, confusables, leetspeak), matched in several views (words,
/// letters only, other languages), hidden payloads are decoded and scanned again, and the evidence is combined into a
/// score in [0, 1] with readable reasons. Pure: no I/O, thread-safe.
/// </summary>
public sealed class InjectionDetector
{
    public const double DefaultThreshold = 0.5;
    private const int MaxReasons = 6;

    public InjectionDetector(double threshold = DefaultThreshold)
    {
        if (threshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be in (0, 1]");
        Threshold = threshold;
    }

    public double Threshold { get; }

    public InjectionVerdict Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return InjectionVerdict.Clean;
        try
        {
            return LearnedEvidence.Combine(Verdict(SignalCollector.Collect(text, 0)), text, Threshold, LearnedScorer.Default);
        }
        catch (RegexMatchTimeoutException)
        {
            return new InjectionVerdict(true, 1, ["scan timed out: treated as an injection (fail closed)"]);
        }
    }

    /// <summary>
    /// Several messages of one request, read as one text (joined with and without a space), so an instruction split
    /// across messages ("Ignore all prev" | "ious instructions") is still seen and a quotation keeps its context.
    /// </summary>
    public InjectionVerdict AnalyzeMessages(IReadOnlyList<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var best = InjectionVerdict.Clean;
        IEnumerable<string> texts = messages.Count > 1 ? [string.Join(' ', messages), string.Concat(messages)] : messages;
        foreach (var text in texts)
        {
            var verdict = Analyze(text);
            if (verdict.Score > best.Score) best = verdict;
        }
        return best;
    }

    private InjectionVerdict Verdict(SignalSet? signals)
    {
        if (signals is null) return InjectionVerdict.Clean;
        var score = Math.Round(signals.Score, 3);
        return score == 0 ? InjectionVerdict.Clean : new InjectionVerdict(score >= Threshold, score, signals.Reasons(MaxReasons));
    }
}
