using Airlock.Guardrails.Injection.Lexicon;
using Airlock.Guardrails.Injection.Scanning;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// When a rule is worth running, written as text: alternatives separated by <c>;</c>, each a conjunction of groups
/// separated by <c>&amp;</c>; a group lists words (lower case, as the lexicon folds them), cues (<c>OverrideVerb</c>) and
/// character signals (<c>#Markup</c>), any of which satisfies it. Each group names what one slot of the rule's pattern
/// needs, so the rule cannot match while its gate is closed. A gate may be looser than its rule, never tighter: the
/// gate-equivalence tests compare every verdict with a run of every rule.
/// </summary>
internal sealed class RuleGate
{
    private readonly Lazy<Group[][]> _alternatives;

    public RuleGate(string text)
    {
        Text = text;
        _alternatives = new Lazy<Group[][]>(() => Compile(text));
    }

    public string Text { get; }

    /// <summary>The words the gate names, for the lexicon to know them.</summary>
    public IEnumerable<string> Words => Items(Text).Where(item => item[0] != '#' && !char.IsAsciiLetterUpper(item[0]));

    public bool Opens(in ScanFacts facts)
    {
        foreach (var alternative in _alternatives.Value)
        {
            var open = true;
            foreach (var group in alternative)
            {
                if ((facts.Cues & group.Cues) != 0 || (facts.Signals & group.Signals) != 0 || facts.Seen.Overlaps(group.Words)) continue;
                open = false;
                break;
            }
            if (open) return true;
        }
        return false;
    }

    private static IEnumerable<string> Items(string text) =>
        text.Split([';', '&', ' '], StringSplitOptions.RemoveEmptyEntries);

    private static Group[][] Compile(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(alternative =>
            alternative.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(CompileGroup).ToArray())];

    private static Group CompileGroup(string group)
    {
        var cues = Cue.None;
        var signals = TextSignals.None;
        var words = new WordSet();
        var ids = new List<int>();
        foreach (var item in group.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (item[0] == '#') signals |= Enum.Parse<TextSignals>(item[1..]);
            else if (char.IsAsciiLetterUpper(item[0])) cues |= Enum.Parse<Cue>(item);
            else ids.Add(WordLexicon.IdOf(item));
        }
        foreach (var id in ids) words.Add(id);
        var masks = ids.Select(id => id >> 6).Distinct().Select(index => (index, ids.Where(id => id >> 6 == index).Aggregate(0UL, (m, id) => m | (1UL << (id & 63))))).ToArray();
        return new Group(cues, signals, masks);
    }

    private sealed record Group(Cue Cues, TextSignals Signals, (int Index, ulong Mask)[] Words);
}
