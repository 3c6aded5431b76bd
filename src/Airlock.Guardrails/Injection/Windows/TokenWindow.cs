using System.Collections.Frozen;
using Airlock.Guardrails.Injection.Lexicon;
using Airlock.Guardrails.Injection.Scanning;

namespace Airlock.Guardrails.Injection.Windows;

/// <summary>
/// The tokens of one text with the lookups the window rules need: the next or previous token carrying a cue within a
/// distance (in words) and a span of sentences, and a way to report evidence with the discount for quoted mentions.
/// </summary>
internal sealed class TokenWindow(string text, List<Token> tokens, Lazy<SpeechContext> context)
{
    public int Count => tokens.Count;

    public Token this[int index] => tokens[index];

    public string Text => text;

    /// <summary>The text is program code: "return", "print" are keywords there.</summary>
    public bool IsProgram => context.Value.IsProgram;

    /// <summary>The first token after <paramref name="from"/> (within <paramref name="distance"/> words and <paramref name="sentences"/> more sentences) matching.</summary>
    public int Next(int from, int distance, Cue cue, int sentences = 0)
    {
        var last = tokens[from].Sentence + sentences;
        for (var j = from + 1; j < tokens.Count && j <= from + distance && tokens[j].Sentence <= last; j++)
        {
            if (tokens[j].Has(cue)) return j;
        }
        return -1;
    }

    public int Next(int from, int distance, FrozenSet<int> words, int sentences = 0)
    {
        var last = tokens[from].Sentence + sentences;
        for (var j = from + 1; j < tokens.Count && j <= from + distance && tokens[j].Sentence <= last; j++)
        {
            if (words.Contains(tokens[j].Id)) return j;
        }
        return -1;
    }

    public int Next(int from, int distance, int sentences, Func<Token, bool> match)
    {
        var last = tokens[from].Sentence + sentences;
        for (var j = from + 1; j < tokens.Count && j <= from + distance && tokens[j].Sentence <= last; j++)
        {
            if (match(tokens[j])) return j;
        }
        return -1;
    }

    /// <summary>As <see cref="Next(int, int, int, Func{Token, bool})"/>, with the candidate's index.</summary>
    public int NextWhere(int from, int distance, int sentences, Func<int, bool> match)
    {
        var last = tokens[from].Sentence + sentences;
        for (var j = from + 1; j < tokens.Count && j <= from + distance && tokens[j].Sentence <= last; j++)
        {
            if (match(j)) return j;
        }
        return -1;
    }

    public int Previous(int from, int distance, Cue cue, int sentences = 0)
    {
        var first = tokens[from].Sentence - sentences;
        for (var j = from - 1; j >= 0 && j >= from - distance && tokens[j].Sentence >= first; j--)
        {
            if (tokens[j].Has(cue)) return j;
        }
        return -1;
    }

    public int Previous(int from, int distance, FrozenSet<int> words, int sentences = 0)
    {
        var first = tokens[from].Sentence - sentences;
        for (var j = from - 1; j >= 0 && j >= from - distance && tokens[j].Sentence >= first; j--)
        {
            if (words.Contains(tokens[j].Id)) return j;
        }
        return -1;
    }

    public int Previous(int from, int distance, int sentences, Func<Token, bool> match)
    {
        var first = tokens[from].Sentence - sentences;
        for (var j = from - 1; j >= 0 && j >= from - distance && tokens[j].Sentence >= first; j--)
        {
            if (match(tokens[j])) return j;
        }
        return -1;
    }

    /// <summary>Whether a token in [<paramref name="from"/>, <paramref name="to"/>] matches.</summary>
    public bool Any(int from, int to, Func<Token, bool> match)
    {
        for (var j = Math.Max(0, from); j <= to && j < tokens.Count; j++)
        {
            if (match(tokens[j])) return true;
        }
        return false;
    }

    public bool Is(int index, int word) => index >= 0 && index < tokens.Count && tokens[index].Id == word;

    public bool Is(int index, FrozenSet<int> words) => index >= 0 && index < tokens.Count && words.Contains(tokens[index].Id);

    /// <summary>How many words since the start of the clause the token is in (0 for the first word).</summary>
    public int ClauseOffset(int index)
    {
        var offset = 0;
        for (var j = index; j > 0 && !tokens[j].Is(TokenMarks.ClauseStart) && tokens[j - 1].Sentence == tokens[j].Sentence; j--) offset++;
        return offset;
    }

    /// <summary>Reports evidence spanning tokens [<paramref name="first"/>, <paramref name="last"/>], discounted where it is a quoted mention.</summary>
    public void Report(SignalSet signals, string family, double weight, string reason, int first, int last, bool markup = false)
    {
        (first, last) = (Math.Min(first, last), Math.Max(first, last));
        var start = tokens[first].Start;
        weight *= context.Value.Discount(text, start, markup) * (DefensiveUse.Applies(text, start, tokens[last].End - start) ? DefensiveUse.Factor : 1);
        var snippet = text[start..tokens[last].End].ReplaceLineEndings(" ");
        signals.Add(family, weight, $"{reason}: \"{(snippet.Length <= 60 ? snippet : snippet[..57] + "...")}\"");
    }
}
