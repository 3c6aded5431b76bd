using System.Globalization;
using System.Text;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// Characters a reader does not see: zero-width characters splitting words, bidi overrides that reorder text, and the
/// Unicode tag block (U+E0000–U+E007F) that can smuggle a whole ASCII message ("ASCII smuggling"). Tags following
/// U+1F3F4 are subdivision flags (🏴 Scotland) and are not counted.
/// </summary>
internal sealed class HiddenCharacters
{
    public int ZeroWidthInWords { get; private set; }
    public int BidiControls { get; private set; }

    /// <summary>LRO and RLO, which display text in an order other than it is stored.</summary>
    public int BidiOverrides { get; private set; }
    /// <summary>Supplementary variation selectors (U+E0100–U+E01EF), which can carry bytes after an emoji.</summary>
    public int VariationSelectors { get; private set; }

    /// <summary>The ASCII text spelled by tag characters outside flag sequences.</summary>
    public string TagText { get; private set; } = "";

    /// <summary>The text without any format or invisible character: what the matching views start from.</summary>
    public string Visible { get; private set; } = "";

    /// <summary>A text the prescan found nothing hidden in: visible as it is.</summary>
    public static HiddenCharacters Nothing(string text) => new() { Visible = text };

    public static HiddenCharacters Inspect(string text)
    {
        var result = new HiddenCharacters();
        var visible = new StringBuilder(text.Length);
        var tags = new StringBuilder();
        var inFlag = false;
        for (var i = 0; i < text.Length; i++)
        {
            // A lone surrogate (text cut mid-character) becomes U+FFFD: normalisation would reject it.
            if (!Rune.TryGetRuneAt(text, i, out var rune)) rune = Rune.ReplacementChar;
            else if (!rune.IsBmp) i++;
            var value = rune.Value;
            if (value == 0x1F3F4) inFlag = true;
            if (value is >= 0xE0000 and <= 0xE007F)
            {
                if (!inFlag && value is >= 0xE0020 and <= 0xE007E) tags.Append((char)(value - 0xE0000));
                if (value == 0xE007F) inFlag = false;
                continue;
            }
            if (value != 0x1F3F4 && !IsInvisible(value)) inFlag = false;
            if (IsBidiControl(value))
            {
                result.BidiControls++;
                if (value is 0x202D or 0x202E) result.BidiOverrides++;
                continue;
            }
            if (value is >= 0xFE00 and <= 0xFE0F) continue;
            if (value is >= 0xE0100 and <= 0xE01EF) { result.VariationSelectors++; continue; }
            if (IsInvisible(value))
            {
                if (i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1])) result.ZeroWidthInWords++;
                continue;
            }
            visible.Append(rune.ToString());
        }
        result.Visible = visible.ToString();
        result.TagText = tags.ToString();
        return result;
    }

    /// <summary>LRE, RLE, PDF, LRO, RLO and the isolates; LRM/RLM marks are ordinary in right-to-left text and are kept.</summary>
    private static bool IsBidiControl(int value) => value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    private static bool IsInvisible(int value) =>
        value is 0x200B or 0x200C or 0x200D or 0x2060 or 0x2061 or 0x2062 or 0x2063 or 0x2064 or 0xFEFF or 0x00AD or 0x180E or 0x034F
        || (value < 0x10000 && value != 0x200E && value != 0x200F && CharUnicodeInfo.GetUnicodeCategory(value) == UnicodeCategory.Format);
}
