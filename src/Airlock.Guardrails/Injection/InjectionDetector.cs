using System.Text.RegularExpressions;
using static Airlock.Guardrails.Injection.InjectionFamilies;

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
    private const int MaxDepth = 3;
    private const int MaxReasons = 6;
    private const int MaxFragments = 12;

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
            var signals = Collect(text, 0);
            return Verdict(signals);
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

    private InjectionVerdict Verdict(SignalSet signals)
    {
        var score = Math.Round(signals.Score, 3);
        return new InjectionVerdict(score >= Threshold, score, signals.Reasons(MaxReasons));
    }

    private static SignalSet Collect(string text, int depth)
    {
        var signals = new SignalSet();
        var hidden = HiddenCharacters.Inspect(text);
        var views = TextViews.Build(hidden.Visible);
        var context = SpeechContext.Of(views.Skeleton);

        Match(InjectionRules.English, views.Skeleton, context, signals);
        Match(InjectionRules.Native, views.Native, context, signals);
        var spaceFree = views.Native.Replace(" ", "", StringComparison.Ordinal);
        if (spaceFree.Length != views.Native.Length) Match(InjectionRules.Native, spaceFree, context, signals);
        if (views.MixedScriptWords > 0) Match(InjectionRules.Native, views.Skeleton, context, signals);
        if (SplitWords.Repair(views) is var (repairedNative, repairedSkeleton))
        {
            var repairedSignals = new SignalSet();
            var repairedContext = SpeechContext.Of(repairedSkeleton);
            Match(InjectionRules.English, repairedSkeleton, repairedContext, repairedSignals);
            Match(InjectionRules.Native, repairedNative, repairedContext, repairedSignals);
            signals.Absorb(repairedSignals, "words split apart, ");
        }
        if (!signals.Has(Override) && !signals.Has(Roleplay) && !signals.Has(Leak) && !signals.Has(Multilingual) && SplitWords.IsFragmented(views.Skeleton)
            && InjectionRules.Compact.Pattern.Match(views.Compact) is { Success: true } compact)
            signals.Add(Override, InjectionRules.Compact.Weight, $"instruction override with its letters split apart: \"{compact.Value}\"");

        AddHiddenCharacters(hidden, views, signals);
        if (depth >= MaxDepth) return signals;

        if (hidden.TagText.Length > 0) AddDecoded("text hidden in Unicode tag characters", hidden.TagText, depth, signals, 0.6);
        foreach (var (kind, decoded) in HiddenPayloads.Decode(hidden.Visible, views.Skeleton, hidden.BidiControls > 0))
            AddDecoded($"{kind} text", decoded, depth, signals, 0);
        AddJoinedFragments(views.Skeleton, depth, signals);
        return signals;
    }

    private static void Match(IReadOnlyList<InjectionRule> rules, string view, SpeechContext context, SignalSet signals)
    {
        foreach (var rule in rules)
        {
            var match = rule.Pattern.Match(view);
            if (!match.Success) continue;
            var weight = rule.Weight;
            if (rule.Discountable)
            {
                // The least discounted occurrence counts: one unquoted instruction outweighs many quoted mentions.
                var factor = 0.0;
                for (; match.Success && factor < 1; match = match.NextMatch()) factor = Math.Max(factor, context.Discount(view, match.Index, rule.Markup));
                weight *= factor;
                match = rule.Pattern.Match(view);
            }
            signals.Add(rule.Family, weight, $"{rule.Reason}: \"{Snippet(match.Value)}\"");
        }
    }

    private static void AddHiddenCharacters(HiddenCharacters hidden, TextViews views, SignalSet signals)
    {
        if (hidden.TagText.Length > 0) signals.Add(Hidden, 0.6, "invisible Unicode tag characters");
        if (hidden.BidiOverrides > 0) signals.Add(Hidden, 0.3, "right-to-left or left-to-right override characters");
        else if (hidden.BidiControls > 0) signals.Add(Hidden, 0.2, "bidirectional control characters");
        if (hidden.ZeroWidthInWords >= 2) signals.Add(Hidden, 0.2, "zero-width characters inside words");
        if (hidden.VariationSelectors >= 4) signals.Add(Hidden, 0.5, "data hidden in variation selectors");
        if (views.MixedScriptWords > 0) signals.Add(Homoglyph, views.MixedScriptWords >= 3 ? 0.35 : 0.25, "words mixing Latin letters with look-alikes");
    }

    /// <summary>An instruction that had to be decoded is worse than one in plain sight: a decoded hit scores at least 0.8.</summary>
    private static void AddDecoded(string kind, string decoded, int depth, SignalSet signals, double floor)
    {
        var inner = Collect(decoded, depth + 1);
        var score = inner.Score;
        var weight = score >= 0.45 ? Math.Max(score, 0.8) : Math.Max(score * 0.6, floor * score);
        if (weight <= 0) return;
        var reason = inner.Reasons(1) is [var first, ..] ? first : "suspicious content";
        signals.Add(Encoded, weight, $"{kind}: {reason}");
    }

    /// <summary>Quoted pieces that only form an instruction when put together ("Ignore all prev" + "ious instructions").</summary>
    private static void AddJoinedFragments(string skeleton, int depth, SignalSet signals)
    {
        var fragments = ContextPatterns.QuotedFragment().Matches(skeleton).Select(m => m.Groups["q"].Value).Take(MaxFragments + 1).ToList();
        if (fragments.Count is < 2 or > MaxFragments) return;
        // Cheap gate first: only pieces whose letters spell one of the core overrides together are worth a full read.
        var letters = new string(string.Concat(fragments).Where(c => c is >= 'a' and <= 'z').ToArray());
        if (!InjectionRules.Compact.Pattern.IsMatch(letters)) return;
        var alone = fragments.Max(f => Collect(f, MaxDepth).Score);
        foreach (var joined in new[] { string.Concat(fragments), string.Join(' ', fragments) })
        {
            var inner = Collect(joined, depth + 1);
            if (inner.Score < alone + 0.2) continue;
            signals.Add(Encoded, inner.Score, $"split across quoted fragments: {inner.Reasons(1)[0]}");
            return;
        }
    }

    private static string Snippet(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
