using System.Text;

namespace Airlock.Guardrails.Redteam;

/// <summary>Disguises that keep the words but change the characters: case, spacing, look-alikes, invisible and bidi characters.</summary>
internal static class CharacterMutations
{
    private const string Latin = "aceopxyisjABCEHIKMOPTXY";
    private const string LookAlike = "асеорхуіѕјАВСЕНІКМОРТХУ";
    private static readonly string[] ZeroWidth = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];

    public static string Case(string text, Random random) => random.Next(3) switch
    {
        0 => text.ToUpperInvariant(),
        1 => string.Concat(text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
        _ => string.Join(' ', text.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant())),
    };

    public static string Spacing(string text, Random random)
    {
        var separator = random.Next(4) switch { 0 => " ", 1 => ".", 2 => "-", _ => "" };
        if (separator.Length == 0) return string.Join(' ', text.Split(' ').Select(w => w.Length > 4 ? w.Insert(1 + random.Next(w.Length - 2), " ") : w));
        var words = text.Split(' ').Select(w => string.Join(separator, w.ToCharArray()));
        return string.Join(separator == " " ? "   " : " ", words);
    }

    public static string Homoglyph(string text, Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                return string.Concat(text.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '！') : c));
            case 1:
                var bold = new StringBuilder();
                foreach (var c in text)
                {
                    if (c is >= 'a' and <= 'z') bold.Append(char.ConvertFromUtf32(0x1D41A + (c - 'a')));
                    else if (c is >= 'A' and <= 'Z') bold.Append(char.ConvertFromUtf32(0x1D400 + (c - 'A')));
                    else bold.Append(c);
                }
                return bold.ToString();
            default:
                return string.Concat(text.Select(c => Latin.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 && random.Next(3) > 0 ? LookAlike[i] : c));
        }
    }

    public static string ZeroWidthCharacters(string text, Random random)
    {
        var builder = new StringBuilder(text.Length * 2);
        for (var i = 0; i < text.Length; i++)
        {
            builder.Append(text[i]);
            if (char.IsLetter(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && random.Next(3) == 0)
                builder.Append(ZeroWidth[random.Next(ZeroWidth.Length)]);
        }
        return builder.ToString();
    }

    /// <summary>Right-to-left override: the text is stored backwards and displayed forwards.</summary>
    public static string Bidi(string text, Random random)
    {
        if (random.Next(2) == 0)
        {
            var reversed = text.ToCharArray();
            Array.Reverse(reversed);
            return "\u202E" + new string(reversed) + "\u202C";
        }
        return string.Join(' ', text.Split(' ').Select(w => random.Next(3) == 0 ? "\u2066" + w + "\u2069" : w));
    }
}
