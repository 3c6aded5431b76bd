using System.Buffers;
using System.Collections.Frozen;

namespace Airlock.Guardrails.Injection.Lexicon;

/// <summary>
/// Every word the detector knows, folded the way <see cref="Scanning.TokenScanner"/> folds tokens, looked up without
/// allocating. Exact words first, then stems (a word starting with a stem), and for scripts written without spaces
/// (Chinese, Japanese, Korean) or with attached particles (Arabic, Hebrew) substrings of a run of text.
/// </summary>
internal static class WordLexicon
{
    private const int StemKey = 3;

    private static readonly List<string> Names = [];

    private static readonly FrozenDictionary<string, LexiconEntry> Words;
    private static readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> WordLookup;
    private static readonly FrozenDictionary<string, (string Stem, LexiconEntry Entry)[]> Stems;
    private static readonly FrozenDictionary<string, (string Stem, LexiconEntry Entry)[]>.AlternateLookup<ReadOnlySpan<char>> StemLookup;

    static WordLexicon()
    {
        var words = new Dictionary<string, Cue>(StringComparer.Ordinal);
        var stems = new Dictionary<string, Cue>(StringComparer.Ordinal);
        foreach (var (cue, list) in EnglishWords.All.Concat(ForeignWords.All))
        {
            foreach (var raw in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var stem = raw.EndsWith('*');
                var folded = FoldEntry(stem ? raw[..^1] : raw);
                var target = stem ? stems : words;
                target[folded] = target.GetValueOrDefault(folded) | cue;
            }
        }
        foreach (var word in SplitWords.Vocabulary) words[word] = words.GetValueOrDefault(word) | Cue.Vocabulary;
        var substrings = ForeignWords.Substrings.SelectMany(s => s.Terms.Split(' ')).ToHashSet(StringComparer.Ordinal);
        // Words only a rule's gate names ("pwned", "verbatim") are known too, so the prescan can see them.
        var gateWords = GateWords().ToList();
        foreach (var word in gateWords.SelectMany(w => w.Split('+')))
        {
            var folded = FoldEntry(word);
            if (!words.ContainsKey(folded) && !stems.ContainsKey(folded) && !substrings.Contains(word)) words[folded] = Cue.PatternAnchor;
        }
        Words = words.ToFrozenDictionary(w => w.Key, w => new LexiconEntry(Intern(w.Key), w.Value), StringComparer.Ordinal);
        WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        Stems = stems.GroupBy(s => s.Key[..StemKey], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(s => (s.Key, new LexiconEntry(Intern(s.Key), s.Value))).ToArray(), StringComparer.Ordinal);
        StemLookup = Stems.GetAlternateLookup<ReadOnlySpan<char>>();
        var terms = new List<(string, LexiconEntry)>();
        foreach (var (cue, list) in ForeignWords.Substrings)
        {
            // "_" joins the words of a multi-word term ("كلمة_المرور").
            foreach (var term in list.Split(' ', StringSplitOptions.RemoveEmptyEntries)) terms.Add((term.Replace('_', ' '), new LexiconEntry(Intern(term), cue)));
        }
        SubstringTerms = [.. terms];
        SubstringSearch = SearchValues.Create(SubstringTerms.Select(t => t.Term).ToArray(), StringComparison.Ordinal);
        // Two adjacent words a gate names together ("from now on" needs "now+on"): ids of their own.
        var bigrams = new Dictionary<long, int>();
        foreach (var pair in gateWords.Where(w => w.Contains('+')).Distinct(StringComparer.Ordinal))
        {
            var parts = pair.Split('+');
            var (first, second) = (Words[FoldEntry(parts[0])].Id, Words[FoldEntry(parts[1])].Id);
            bigrams[((long)first << 32) | (uint)second] = Intern(FoldEntry(parts[0]) + "+" + FoldEntry(parts[1]));
        }
        Bigrams = bigrams.ToFrozenDictionary();
        BigramTails = new bool[Names.Count];
        foreach (var key in bigrams.Keys) BigramTails[(int)(key & 0xFFFFFFFF)] = true;
        IdsByName = Names.Select((name, id) => (name, id)).GroupBy(n => n.name, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First().id, StringComparer.Ordinal);
        if (Names.Count > Scanning.WordSet.Capacity) throw new InvalidOperationException($"the lexicon has {Names.Count} words; WordSet holds {Scanning.WordSet.Capacity}");
    }

    private static readonly FrozenDictionary<string, int> IdsByName;
    private static readonly FrozenDictionary<long, int> Bigrams;
    private static readonly bool[] BigramTails;

    /// <summary>The id of the pair "first+second" when a gate names it, else -1.</summary>
    public static int BigramOf(int first, int second) =>
        second >= 0 && second < BigramTails.Length && BigramTails[second] && first >= 0 && Bigrams.TryGetValue(((long)first << 32) | (uint)second, out var id) ? id : -1;

    private static IEnumerable<string> GateWords() =>
        InjectionRules.English.Concat(InjectionRules.Native).Append(InjectionRules.Compact).Select(rule => rule.Gate).Concat(Windows.WindowGates.All)
            .SelectMany(gate => gate.Words).Concat(Windows.WindowWords.All.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Terms searched inside runs of CJK, Arabic or Hebrew text.</summary>
    public static (string Term, LexiconEntry Entry)[] SubstringTerms { get; }

    public static SearchValues<string> SubstringSearch { get; }

    public static int Count => Names.Count;

    /// <summary>The id of a word written as the lexicon stores it (tests and rules use it for exact words).</summary>
    public static int IdOf(string word) =>
        IdsByName.TryGetValue(FoldEntry(word), out var id) || IdsByName.TryGetValue(word, out id) ? id : throw new KeyNotFoundException($"\"{word}\" is not in the lexicon");

    public static string NameOf(int id) => Names[id];

    /// <summary>An exact word, else the longest stem the word starts with.</summary>
    public static bool TryGet(ReadOnlySpan<char> word, out LexiconEntry entry)
    {
        if (WordLookup.TryGetValue(word, out entry)) return true;
        if (word.Length > StemKey && StemLookup.TryGetValue(word[..StemKey], out var candidates))
        {
            foreach (var (stem, stemEntry) in candidates)
            {
                if (!word.StartsWith(stem, StringComparison.Ordinal)) continue;
                entry = stemEntry;
                return true;
            }
        }
        entry = default;
        return false;
    }

    /// <summary>Folds an entry as the tokenizer folds a token: accents dropped, look-alikes folded in mixed-script words.</summary>
    public static string FoldEntry(string word)
    {
        var lower = word.ToLowerInvariant();
        bool ascii = false, lookAlike = false;
        foreach (var c in lower)
        {
            if (c is >= 'a' and <= 'z') ascii = true;
            else if (Confusables.IsLatinLookAlike(c)) lookAlike = true;
        }
        var chars = lower.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = ascii && lookAlike ? Confusables.FoldLookAlike(Confusables.FoldAccent(chars[i])) : Confusables.FoldAccent(chars[i]);
        return new string(chars);
    }

    private static int Intern(string name)
    {
        Names.Add(name);
        return Names.Count - 1;
    }
}
