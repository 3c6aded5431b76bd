using System.Globalization;
using System.Text;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// The forms of a text the rules match against. <see cref="Native"/>: invisible characters removed, NFKC, lower case,
/// whitespace collapsed (for the non-English rules). <see cref="Skeleton"/>: the same with accents dropped, confusables
/// folded to ASCII and leetspeak digits inside words read as letters (for the English rules). <see cref="Compact"/>:
/// only the letters of the skeleton, which undoes s p a c i n g and s.p.l.i.t.t.i.n.g tricks.
/// </summary>
internal sealed class TextViews
{
    /// <summary>NFKC and lower case with the original spacing, for the despacing repair.</summary>
    public required string Lowered { get; init; }

    public required string Native { get; init; }
    public required string Skeleton { get; init; }
    public required string Compact { get; init; }

    /// <summary>Words mixing Latin letters with Cyrillic or Greek look-alikes (<c>іgnоrе</c>).</summary>
    public required int MixedScriptWords { get; init; }

    public static TextViews Build(string visible)
    {
        var lowered = CompatibilityFolding.Fold(visible.Normalize(NormalizationForm.FormKC)).ToLowerInvariant();
        var native = CollapseWhitespace(lowered);
        var skeleton = Skeletonize(native, out var mixed);
        var compact = new StringBuilder(skeleton.Length);
        foreach (var c in skeleton) if (c is >= 'a' and <= 'z') compact.Append(c);
        return new TextViews { Lowered = lowered, Native = native, Skeleton = skeleton, Compact = compact.ToString(), MixedScriptWords = mixed };
    }

    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Skeletonize(string native, out int mixedScriptWords)
    {
        var decomposed = native.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        mixedScriptWords = 0;
        int wordStart = 0, latin = 0, lookAlike = 0, digits = 0;
        for (var i = 0; i <= decomposed.Length; i++)
        {
            var c = i < decomposed.Length ? decomposed[i] : ' ';
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (latin > 0 && lookAlike > 0) mixedScriptWords++;
                if (digits > 0 && latin + lookAlike > 0) Deleet(builder, wordStart);
                builder.Append(c);
                wordStart = builder.Length;
                latin = lookAlike = digits = 0;
                continue;
            }
            if (c is >= 'a' and <= 'z') latin++;
            else if (char.IsAsciiDigit(c)) digits++;
            else if (Confusables.IsLatinLookAlike(c)) lookAlike++;
            builder.Append(Confusables.Fold(c));
        }
        if (builder.Length > 0) builder.Length--;
        return builder.ToString();
    }

    /// <summary>
    /// 1gn0r3 → ignore: digits inside a word that also has letters read as the letters they imitate. Words whose digits
    /// only trail (base64, sha256, rot13, v2) are left alone.
    /// </summary>
    private static void Deleet(StringBuilder builder, int start)
    {
        var leading = false;
        for (var i = start; i + 1 < builder.Length && !leading; i++) leading = char.IsAsciiDigit(builder[i]) && char.IsAsciiLetter(builder[i + 1]);
        if (!leading) return;
        for (var i = start; i < builder.Length; i++)
        {
            if (Leetspeak.Letter(builder[i]) is var letter and not '\0') builder[i] = letter;
        }
    }
}
