using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// Undoes spacing tricks on the skeleton so the English rules can read the words again: runs of single letters
/// ("i g n o r e", "i.g.n.o.r.e") are joined, and neighbouring fragments that together spell a word the rules care about
/// ("in structions", "sy stem pro mpt") are glued back. The vocabulary is taken from the rules' own patterns.
/// </summary>
internal static partial class SplitWords
{
    /// <summary>The words of four letters or more in the English patterns: what a repair may rebuild.</summary>
    public static FrozenSet<string> Vocabulary { get; } = BuildVocabulary();

    /// <summary>Two or more single letters joined by one and the same separator: "i g n o r e", "a.l.l", "t-o".</summary>
    [GeneratedRegex(@"(?<!\p{L})\p{L}(?<sep>[ .\-_*|/·•,+~])\p{L}(?:\k<sep>\p{L})*(?!\p{L})", RegexOptions.CultureInvariant, OverridePatterns.Timeout)]
    private static partial Regex SpacedLetters();

    [GeneratedRegex(@"[a-z]{4,}", OverridePatterns.Options, OverridePatterns.Timeout)]
    private static partial Regex Word();

    /// <summary>The repaired native and skeleton views, or null when there was nothing to repair.</summary>
    public static (string Native, string Skeleton)? Repair(TextViews views)
    {
        var (native, skeleton) = (views.Native, views.Skeleton);
        if (SpacedLetters().IsMatch(views.Lowered))
        {
            native = TextViews.CollapseWhitespace(SpacedLetters().Replace(views.Lowered, m => StripSeparators(m.Value)));
            skeleton = TextViews.Skeletonize(native, out _);
        }
        var rejoined = Rejoin(skeleton);
        return native == views.Native && rejoined == views.Skeleton ? null : (native, rejoined);
    }

    private static string StripSeparators(string run)
    {
        var builder = new StringBuilder(run.Length / 2 + 1);
        foreach (var c in run) if (char.IsLetter(c)) builder.Append(c);
        return builder.ToString();
    }

    private static string Rejoin(string text)
    {
        var tokens = text.Split(' ');
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < tokens.Length;)
        {
            var taken = 1;
            for (var k = Math.Min(3, tokens.Length - i); k >= 2; k--)
            {
                var group = tokens.AsSpan(i, k);
                // Only pieces of words are glued: a token without letters ("=", "--") is punctuation, not a fragment.
                if (AllHaveLetters(group) && IsRebuildable(Letters(string.Concat(group))) && !AllWords(group))
                {
                    taken = k;
                    break;
                }
            }
            if (output.Length > 0) output.Append(' ');
            foreach (var token in tokens.AsSpan(i, taken)) output.Append(token);
            i += taken;
        }
        return output.ToString();
    }

    /// <summary>Most letter runs are one or two letters long: the text was spaced or punctuated apart.</summary>
    public static bool IsFragmented(string skeleton)
    {
        int runs = 0, shortRuns = 0, length = 0;
        foreach (var c in skeleton.Append(' '))
        {
            if (c is >= 'a' and <= 'z')
            {
                length++;
                continue;
            }
            if (length == 0) continue;
            runs++;
            if (length <= 2) shortRuns++;
            length = 0;
        }
        return runs >= 6 && shortRuns * 10 >= runs * 6;
    }

    private static bool AllHaveLetters(ReadOnlySpan<string> group)
    {
        foreach (var token in group)
        {
            if (!token.AsSpan().ContainsAnyInRange('a', 'z')) return false;
        }
        return true;
    }

    /// <summary>A word the detector knows (its phrase patterns' words and its lexicon): what a repair may glue back.</summary>
    private static bool IsRebuildable(string letters) => letters.Length >= 4 && IsKnown(letters);

    private static bool IsKnown(string letters) => Vocabulary.Contains(letters) || Lexicon.WordLexicon.TryGet(letters, out _);

    private static bool AllWords(ReadOnlySpan<string> group)
    {
        foreach (var token in group)
        {
            var letters = Letters(token);
            if (!IsKnown(letters) && !HiddenPayloads.IsCommonWord(letters)) return false;
        }
        return true;
    }

    private static string Letters(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) if (c is >= 'a' and <= 'z') builder.Append(c);
        return builder.ToString();
    }

    private static FrozenSet<string> BuildVocabulary()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in InjectionRules.English)
        {
            foreach (Match match in Word().Matches(rule.Pattern.ToString())) words.Add(match.Value);
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
