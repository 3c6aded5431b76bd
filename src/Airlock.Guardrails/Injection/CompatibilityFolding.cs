using System.Text;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// The part of NFKC the rules depend on, done by hand: Airlock builds with InvariantGlobalization, where
/// <see cref="string.Normalize()"/> is a no-op. Folds fullwidth forms, mathematical alphanumerics (𝐢𝐠𝐧𝐨𝐫𝐞),
/// circled, parenthesised and squared letters, ligatures and odd spaces to ASCII.
/// </summary>
internal static class CompatibilityFolding
{
    public static string Fold(string text)
    {
        var needed = false;
        foreach (var c in text)
        {
            if (c >= 0x2000)
            {
                needed = true;
                break;
            }
        }
        if (!needed) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var folded = Fold(rune.Value);
            if (folded is { } ascii) builder.Append(ascii);
            else builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    /// <summary>
    /// The ASCII letter or digit a styled character stands for (fullwidth, mathematical, circled, squared, Roman
    /// numeral one), or <c>'\0'</c>. Fullwidth punctuation folds too, so "！" ends a sentence like "!".
    /// </summary>
    public static char FoldToAscii(int value) => value switch
    {
        >= 0xFF01 and <= 0xFF5E => (char)(value - 0xFEE0),
        0x3000 => ' ',
        >= 0x1D400 and <= 0x1D6A3 => LetterChar((value - 0x1D400) % 52),
        >= 0x1D7CE and <= 0x1D7FF => (char)('0' + ((value - 0x1D7CE) % 10)),
        >= 0x24B6 and <= 0x24CF => (char)('A' + (value - 0x24B6)),
        >= 0x24D0 and <= 0x24E9 => (char)('a' + (value - 0x24D0)),
        >= 0x249C and <= 0x24B5 => (char)('a' + (value - 0x249C)),
        >= 0x1F130 and <= 0x1F149 => (char)('A' + (value - 0x1F130)),
        >= 0x1F150 and <= 0x1F169 => (char)('A' + (value - 0x1F150)),
        >= 0x1F170 and <= 0x1F189 => (char)('A' + (value - 0x1F170)),
        0x2160 or 0x2170 => 'i',
        _ => '\0',
    };

    private static string? Fold(int value) => value switch
    {
        >= 0xFF01 and <= 0xFF5E => ((char)(value - 0xFEE0)).ToString(),
        0x3000 or (>= 0x2000 and <= 0x200A) or 0x202F or 0x205F => " ",
        >= 0x1D400 and <= 0x1D6A3 => Letter((value - 0x1D400) % 52),
        >= 0x1D7CE and <= 0x1D7FF => ((char)('0' + ((value - 0x1D7CE) % 10))).ToString(),
        >= 0x24B6 and <= 0x24CF => ((char)('A' + (value - 0x24B6))).ToString(),
        >= 0x24D0 and <= 0x24E9 => ((char)('a' + (value - 0x24D0))).ToString(),
        >= 0x249C and <= 0x24B5 => ((char)('a' + (value - 0x249C))).ToString(),
        >= 0x1F130 and <= 0x1F149 => ((char)('A' + (value - 0x1F130))).ToString(),
        >= 0x1F150 and <= 0x1F169 => ((char)('A' + (value - 0x1F150))).ToString(),
        >= 0x1F170 and <= 0x1F189 => ((char)('A' + (value - 0x1F170))).ToString(),
        >= 0x1F1E6 and <= 0x1F1FF => ((char)('A' + (value - 0x1F1E6))).ToString(),
        0xFB00 => "ff",
        0xFB01 => "fi",
        0xFB02 => "fl",
        0xFB03 => "ffi",
        0xFB04 => "ffl",
        0x2024 => ".",
        0x2160 => "I",
        0x2170 => "i",
        0x2044 or 0x2215 => "/",
        _ => null,
    };

    private static string Letter(int index) => LetterChar(index).ToString();

    private static char LetterChar(int index) => (char)(index < 26 ? 'A' + index : 'a' + (index - 26));
}
