using System.Globalization;
using System.Net;
using System.Text;
using Airlock.Guardrails.Injection.Scanning;
using Airlock.Guardrails.Secrets;

namespace Airlock.Guardrails.Injection;

/// <summary>
/// Texts hidden inside a text: base64, hex, percent-encoding, HTML entities, \u escapes, rot13 and reversed writing.
/// Each is decoded only when it yields readable text, and the detector scans what comes out.
/// </summary>
internal static class HiddenPayloads
{
    private const int MaxCandidates = 16;

    public static List<(string Kind, string Text)> Decode(string visible, string skeleton, bool bidi, TextSignals seen, string? decodedAs = null)
    {
        var found = new List<(string, string)>();
        if ((seen & TextSignals.Base64) != 0) DecodeBase64(visible, found);
        if ((seen & TextSignals.Hex) != 0) DecodeHex(visible, found);
        if ((seen & TextSignals.PercentEscapes) != 0 && ContextPatterns.PercentEscape().Count(visible) >= 3 && TryUnescapeUrl(visible) is { } url) found.Add(("URL-encoded", url));
        if ((seen & TextSignals.HtmlEntities) != 0 && ContextPatterns.HtmlEntity().Count(visible) >= 2) found.Add(("HTML-entity", WebUtility.HtmlDecode(visible)));
        if ((seen & TextSignals.UnicodeEscapes) != 0 && ContextPatterns.UnicodeEscape().Count(visible) >= 3) found.Add(("\\u-escaped", UnescapeUnicode(visible)));
        if ((seen & TextSignals.StringEscapes) != 0 && (visible.Contains("\\n", StringComparison.Ordinal) || visible.Contains("\\\"", StringComparison.Ordinal))) found.Add(("string-escaped", UnescapeString(visible)));
        if (((seen & TextSignals.NotProse) == 0 && !bidi) || skeleton.Length == 0) return found;
        // rot13 and reversal undo themselves: decoding a decoded text again only reads the original twice.
        if (decodedAs != "rot13" && LooksLikeWords(skeleton) is false && MostlyAsciiLetters(skeleton)) found.Add(("rot13", Rot13(skeleton)));
        // Right-to-left overrides display text stored backwards: read it the way it is displayed.
        if (decodedAs != "reversed" && (bidi || LooksLikeWords(skeleton) is false))
        {
            var reversed = Reverse(skeleton);
            if (bidi || LooksLikeWords(reversed)) found.Add(("reversed", reversed));
        }
        return found;
    }

    private static void DecodeBase64(string visible, List<(string, string)> found)
    {
        var count = 0;
        foreach (var match in ContextPatterns.Base64Candidate().EnumerateMatches(visible))
        {
            if (++count > MaxCandidates) break;
            var bytes = TokenShape.TryDecodeBase64(visible.Substring(match.Index, match.Length));
            if (bytes is not null && ReadableText(bytes) is { } text) found.Add(("base64", text));
        }
    }

    private static void DecodeHex(string visible, List<(string, string)> found)
    {
        var count = 0;
        foreach (var match in ContextPatterns.HexCandidate().EnumerateMatches(visible))
        {
            if (++count > MaxCandidates) break;
            if (ReadableText(HexBytes(visible.AsSpan(match.Index, match.Length))) is { } text) found.Add(("hex", text));
        }
    }

    /// <summary>At least a quarter of the words (and two of them) are common English words.</summary>
    public static bool LooksLikeWords(string skeleton)
    {
        var words = 1;
        foreach (var c in skeleton) if (c == ' ') words++;
        var common = ContextPatterns.CommonWord().Count(skeleton);
        return common >= 2 && common * 4 >= words;
    }

    private static bool MostlyAsciiLetters(string text)
    {
        var ascii = 0;
        foreach (var c in text) if (c is >= 'a' and <= 'z') ascii++;
        return ascii * 2 >= text.Length;
    }

    public static bool IsCommonWord(string word) => word.Length > 0 && ContextPatterns.CommonWord().IsMatch(word) && ContextPatterns.CommonWord().Match(word).Length == word.Length;

    public static string Rot13(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= 'a' and <= 'z') chars[i] = (char)('a' + ((c - 'a' + 13) % 26));
            else if (c is >= 'A' and <= 'Z') chars[i] = (char)('A' + ((c - 'A' + 13) % 26));
        }
        return new string(chars);
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static string? ReadableText(byte[] bytes)
    {
        if (bytes.Length < 6 || !TokenShape.LooksLikeText(bytes)) return null;
        var text = Encoding.UTF8.GetString(bytes);
        var letters = 0;
        foreach (var rune in text.EnumerateRunes()) if (Rune.IsLetter(rune)) letters++;
        return letters >= 4 ? text : null;
    }

    private static byte[] HexBytes(ReadOnlySpan<char> candidate)
    {
        var digits = new StringBuilder(candidate.Length);
        for (var i = 0; i < candidate.Length; i++)
        {
            var c = candidate[i];
            if (c == '0' && i + 1 < candidate.Length && candidate[i + 1] is 'x' or 'X') { i++; continue; }
            if (c is '\\' && i + 1 < candidate.Length && candidate[i + 1] is 'x') { i++; continue; }
            if (char.IsAsciiHexDigit(c)) digits.Append(c);
        }
        if (digits.Length % 2 == 1) digits.Length--;
        return Convert.FromHexString(digits.ToString());
    }

    private static string? TryUnescapeUrl(string text)
    {
        try
        {
            var decoded = Uri.UnescapeDataString(text.Replace('+', ' '));
            return decoded == text ? null : decoded;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// JSON and C-like string escapes, so text inside a serialised tool result reads as it would to the model. Escaped
    /// newlines become spaces: a string literal stays on one line, so quoting still reads as quoting.
    /// </summary>
    private static string UnescapeString(string text) =>
        UnescapeUnicode(text).Replace("\\n", " ", StringComparison.Ordinal).Replace("\\t", " ", StringComparison.Ordinal)
            .Replace("\\r", "", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static string UnescapeUnicode(string text) =>
        ContextPatterns.UnicodeEscape().Replace(text, match =>
        {
            var hex = match.Groups["h"].Value;
            var value = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return value is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(value) : match.Value;
        });
}
