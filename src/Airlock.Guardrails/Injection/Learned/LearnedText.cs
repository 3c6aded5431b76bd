using System.Globalization;

namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// The text as the learned model reads it: invisible format characters (zero-width, bidi, tags) dropped, fullwidth and
/// mathematical letters, case, accents and look-alikes folded with the rules' own tables, leetspeak inside words read as
/// letters, and runs of whitespace collapsed to one space. Writes into a caller's buffer at most as long as the text.
/// </summary>
internal static class LearnedText
{
    /// <summary>Normalises <paramref name="text"/> into <paramref name="output"/> and returns the length written.</summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> output, out LearnedTextFacts facts)
    {
        facts = default;
        var length = 0;
        var space = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2])
                && ((Hex(text[i + 1]) << 4) | Hex(text[i + 2])) is var decoded and >= 0x20 and < 0x7F)
            {
                // Percent-encoding ("please%20see%20below") read as the characters it stands for.
                c = (char)decoded;
                i += 2;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var value = char.ConvertToUtf32(c, text[i + 1]);
                i++;
                if (CharUnicodeInfo.GetUnicodeCategory(value) == UnicodeCategory.Format)
                {
                    facts.Hidden++;
                    continue;
                }
                var ascii = CompatibilityFolding.FoldToAscii(value);
                if (ascii != '\0')
                {
                    output[length++] = char.ToLowerInvariant(ascii);
                    space = false;
                    facts.Styled++;
                    continue;
                }
                // Any other astral character (emoji, historic scripts) is one symbol: keep its high half only.
                output[length++] = c;
                space = false;
                continue;
            }
            if (c is ' ' or '\n' or '\r' or '\t' or '\f' or '\v' || (c >= 0x80 && char.IsWhiteSpace(c)))
            {
                if (!space) output[length++] = ' ';
                space = true;
                continue;
            }
            if (c >= 0x80)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                {
                    facts.Hidden++;
                    continue;
                }
                var ascii = CompatibilityFolding.FoldToAscii(c);
                if (ascii != '\0')
                {
                    c = ascii;
                    facts.Styled++;
                }
            }
            if (c is >= 'A' and <= 'Z') facts.Upper++;
            var folded = Confusables.Fold(char.ToLowerInvariant(c));
            if (char.IsLetter(folded))
            {
                facts.Letters++;
                if (folded >= 0x80) facts.NonLatin++;
            }
            output[length++] = folded;
            space = false;
        }
        FoldLeet(output[..length]);
        return length;
    }

    /// <summary>A digit or sign between letters ("1gn0re", "p@ssword") read as the letter it imitates.</summary>
    private static void FoldLeet(Span<char> text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            var letter = Leetspeak.Letter(c);
            if (letter == '\0' || !char.IsAsciiLetterLower(text[i - 1])) continue;
            // Between letters ("1gn0re"), or ending a word after two letters ("ignor3").
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (char.IsAsciiLetterLower(next) || Leetspeak.IsLeet(next) || (i >= 2 && char.IsAsciiLetterLower(text[i - 2]) && !char.IsLetterOrDigit(next))) text[i] = letter;
        }
    }

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

}
