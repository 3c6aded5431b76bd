using Airlock.Guardrails.Injection.Learned;
using Airlock.Guardrails.Injection.Scanning;
using Airlock.Guardrails.Injection.Windows;
using static Airlock.Guardrails.Injection.InjectionFamilies;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// Gathers the evidence about one text. The prescan (<see cref="TokenScanner"/>) decides what is worth doing: a text
/// whose words open no rule's gate and whose characters show nothing is clean without building any view; otherwise
/// only the rules whose gates open run (all of them on text that hides its words), and only the decoders for the
/// encodings the prescan saw.
/// </summary>
internal static class SignalCollector
{
    private const int MaxDepth = 3;
    private const int MaxFragments = 12;

    /// <summary>The evidence about <paramref name="text"/>, or null when the prescan finds nothing to look at.</summary>
    public static SignalSet? Collect(string text, int depth, bool gated = true, string? decodedAs = null)
    {
        var facts = TokenScanner.Scan(text);
        if (gated && !IsWorthReading(facts)) return null;
        return Read(text, depth, gated, decodedAs, facts);
    }

    /// <summary>The closer look, in its own method so the quiet path allocates nothing (not even the closures below).</summary>
    private static SignalSet Read(string text, int depth, bool gated, string? decodedAs, ScanFacts facts)
    {
        var all = !gated || facts.Has(TextSignals.Disguised) || facts.Has(TextSignals.Cjk);
        var signals = new SignalSet();
        var hidden = !gated || facts.Has(TextSignals.Invisible | TextSignals.Bidi | TextSignals.Tags | TextSignals.VariationSelectors)
            ? HiddenCharacters.Inspect(text) : HiddenCharacters.Nothing(text);
        // The views cost a copy of the text each: built only when a phrase rule, a repair or a decoder needs them.
        var views = new Lazy<TextViews>(() => TextViews.Build(hidden.Visible), LazyThreadSafetyMode.None);
        var context = new Lazy<SpeechContext>(() => SpeechContext.Of(views.Value.Skeleton), LazyThreadSafetyMode.None);

        if (all || AnyOpens(InjectionRules.English, facts) || AnyOpens(InjectionRules.Native, facts)) MatchPhrases(facts, all, gated, views.Value, context, signals);
        if (!gated || facts.Has(TextSignals.Fragmented | TextSignals.SpacedLetters)) MatchCompact(views.Value, signals);

        // The window rules and the phrase rules often read the same words: per family the better reading counts, never both.
        if (!gated || WindowRules.Opens(facts))
        {
            var windowSignals = new SignalSet();
            WindowRules.Collect(hidden.Visible, facts, context, windowSignals);
            signals.Absorb(windowSignals, "");
        }
        AddHiddenCharacters(hidden, facts.MixedScriptWords, signals);
        // The model read ordinary English words: text in disguise or another script is not what it learned from.
        if (!facts.Has(TextSignals.Disguised | TextSignals.Cjk | TextSignals.OtherScript)) AddLearned(views, signals);
        if (depth >= MaxDepth) return signals;

        if (hidden.TagText.Length > 0) AddDecoded("Unicode tag characters", hidden.TagText, depth, signals, 0.6, gated);
        var bidi = hidden.BidiControls > 0;
        var skeleton = !gated || bidi || facts.Has(TextSignals.NotProse) ? views.Value.Skeleton : "";
        foreach (var (kind, decoded) in HiddenPayloads.Decode(hidden.Visible, skeleton, bidi, gated ? facts.Signals : (TextSignals)uint.MaxValue, decodedAs))
            AddDecoded(kind, decoded, depth, signals, 0, gated);
        if (!gated || facts.Has(TextSignals.Quotes)) AddJoinedFragments(views.Value.Skeleton, depth, signals, gated);
        return signals;
    }

    /// <summary>The phrase rules over every view of the text, and over its repair when words were split apart.</summary>
    private static void MatchPhrases(in ScanFacts facts, bool all, bool gated, TextViews views, Lazy<SpeechContext> context, SignalSet signals)
    {
        Match(InjectionRules.English, views.Skeleton, context, signals, facts, all);
        Match(InjectionRules.Native, views.Native, context, signals, facts, all);
        // Words spaced apart ("ig nore", "忽 略") only read as words again without the spaces or once rejoined.
        var spaced = all && (facts.Has(TextSignals.Fragmented | TextSignals.SpacedLetters | TextSignals.Cjk) || !gated);
        if ((spaced || AnyOpens(InjectionRules.Native, facts)) && views.Native.Contains(' '))
            Match(InjectionRules.Native, views.Native.Replace(" ", "", StringComparison.Ordinal), context, signals, facts, all);
        if (views.MixedScriptWords > 0) Match(InjectionRules.Native, views.Skeleton, context, signals, facts, all);
        if (!spaced || SplitWords.Repair(views) is not var (repairedNative, repairedSkeleton)) return;
        var repairedSignals = new SignalSet();
        var repairedContext = new Lazy<SpeechContext>(() => SpeechContext.Of(repairedSkeleton), LazyThreadSafetyMode.None);
        Match(InjectionRules.English, repairedSkeleton, repairedContext, repairedSignals, facts, all: true);
        Match(InjectionRules.Native, repairedNative, repairedContext, repairedSignals, facts, all: true);
        var repairedFacts = TokenScanner.Scan(repairedSkeleton);
        if (WindowRules.Opens(repairedFacts))
        {
            var windowSignals = new SignalSet();
            WindowRules.Collect(repairedSkeleton, repairedFacts, repairedContext, windowSignals);
            repairedSignals.Absorb(windowSignals, "");
        }
        signals.Absorb(repairedSignals, "words split apart, ");
    }

    /// <summary>The core overrides over the letters alone, for text spaced or dotted apart that no other rule could read.</summary>
    private static void MatchCompact(TextViews views, SignalSet signals)
    {
        if (signals.Has(Override) || signals.Has(Roleplay) || signals.Has(Leak) || signals.Has(Multilingual) || !SplitWords.IsFragmented(views.Skeleton)) return;
        if (InjectionRules.Compact.Pattern.Match(views.Compact) is { Success: true } compact)
            signals.Add(Override, InjectionRules.Compact.Weight, $"instruction override with its letters split apart: \"{compact.Value}\"");
    }

    /// <summary>Whether any rule's gate opens, or the characters show something a rule or decoder acts on.</summary>
    public static bool IsWorthReading(in ScanFacts facts)
    {
        if ((facts.Signals & ~(TextSignals.Quotes | TextSignals.Identifier | TextSignals.AiVocative | TextSignals.DataLike)) != TextSignals.None) return true;
        return AnyOpens(InjectionRules.English, facts) || AnyOpens(InjectionRules.Native, facts) || WindowRules.Opens(facts);
    }

    private static bool AnyOpens(InjectionRule[] rules, in ScanFacts facts)
    {
        foreach (var rule in rules) if (rule.Gate.Opens(facts)) return true;
        return false;
    }

    private static void Match(InjectionRule[] rules, string view, Lazy<SpeechContext> context, SignalSet signals, in ScanFacts facts, bool all)
    {
        foreach (var rule in rules)
        {
            if (!all && !rule.Gate.Opens(facts)) continue;
            var match = rule.Pattern.Match(view);
            if (!match.Success) continue;
            var weight = rule.Weight;
            if (rule.Discountable)
            {
                // The least discounted occurrence counts: one unquoted instruction outweighs many quoted mentions.
                var factor = 0.0;
                for (; match.Success && factor < 1; match = match.NextMatch())
                {
                    var defensive = DefensiveUse.Applies(view, match.Index, match.Length) ? DefensiveUse.Factor : 1;
                    factor = Math.Max(factor, context.Value.Discount(view, match.Index, rule.Markup) * defensive);
                }
                weight *= factor;
                match = rule.Pattern.Match(view);
            }
            signals.Add(rule.Family, weight, $"{rule.Reason}: \"{Snippet(match.Value)}\"");
        }
    }

    private static void AddHiddenCharacters(HiddenCharacters hidden, int mixedScriptWords, SignalSet signals)
    {
        if (hidden.TagText.Length > 0) signals.Add(Hidden, 0.6, "invisible Unicode tag characters");
        if (hidden.BidiOverrides > 0) signals.Add(Hidden, 0.3, "right-to-left or left-to-right override characters");
        else if (hidden.BidiControls > 0) signals.Add(Hidden, 0.2, "bidirectional control characters");
        if (hidden.ZeroWidthInWords >= 2) signals.Add(Hidden, 0.2, "zero-width characters inside words");
        if (hidden.VariationSelectors >= 4) signals.Add(Hidden, 0.5, "data hidden in variation selectors");
        if (mixedScriptWords > 0) signals.Add(Homoglyph, mixedScriptWords >= 3 ? 0.3 : 0.2, "words mixing Latin letters with look-alikes");
    }

    /// <summary>The word-pair model's second opinion, only on a text some rule already found suspicious (it never alarms alone).</summary>
    private static void AddLearned(Lazy<TextViews> views, SignalSet signals)
    {
        if (signals.Score <= 0) return;
        var probability = WordPairModel.Probability(views.Value.Skeleton);
        var evidence = WordPairModel.Evidence(probability);
        if (evidence > 0) signals.Add(InjectionFamilies.Learned, evidence, $"reads like the injections it was trained on ({probability:0.00})");
    }

    /// <summary>An instruction that had to be decoded is worse than one in plain sight: a decoded hit scores at least 0.8.</summary>
    private static void AddDecoded(string kind, string decoded, int depth, SignalSet signals, double floor, bool gated)
    {
        var inner = Collect(decoded, depth + 1, gated, kind);
        if (inner is null) return;
        var score = inner.Score;
        var weight = score >= 0.45 ? Math.Max(score, 0.8) : Math.Max(score * 0.6, floor * score);
        if (weight <= 0) return;
        var reason = inner.Reasons(1) is [var first, ..] ? first : "suspicious content";
        signals.Add(Encoded, weight, kind == "Unicode tag characters" ? $"text hidden in {kind}: {reason}" : $"{kind} text: {reason}");
    }

    /// <summary>Quoted pieces that only form an instruction when put together ("Ignore all prev" + "ious instructions").</summary>
    private static void AddJoinedFragments(string skeleton, int depth, SignalSet signals, bool gated)
    {
        var fragments = ContextPatterns.QuotedFragment().Matches(skeleton).Select(m => m.Groups["q"].Value).Take(MaxFragments + 1).ToList();
        if (fragments.Count is < 2 or > MaxFragments) return;
        // Cheap gate first: only pieces whose letters spell one of the core overrides together are worth a full read.
        var letters = new string(string.Concat(fragments).Where(c => c is >= 'a' and <= 'z').ToArray());
        if (!InjectionRules.Compact.Pattern.IsMatch(letters)) return;
        var alone = fragments.Max(f => Collect(f, MaxDepth, gated)?.Score ?? 0);
        foreach (var joined in new[] { string.Concat(fragments), string.Join(' ', fragments) })
        {
            var inner = Collect(joined, depth + 1, gated);
            if (inner is null || inner.Score < alone + 0.2) continue;
            signals.Add(Encoded, inner.Score, $"split across quoted fragments: {inner.Reasons(1)[0]}");
            return;
        }
    }

    private static string Snippet(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
