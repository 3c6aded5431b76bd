using System.Globalization;
using System.Text;

namespace Airlock.Guardrails.Tests.Evaluation;

/// <summary>
/// The disguises the evaluation set names with <c>{{kind:text}}</c>. Written independently of the red-team mutators
/// (different look-alike tables, spacing and zero-width placement) so the set does not share their blind spots.
/// </summary>
internal static class EvaluationEncodings
{
    private const string CyrillicFrom = "aeopcxyisjABCEHIKMOPTX";
    private const string CyrillicTo = "аеорсхуіѕјАВСЕНІКМОРТХ";
    private const string GreekFrom = "aoivtku";
    private const string GreekTo = "αοιντκυ";

    public static string Encode(string kind, string text) => kind switch
    {
        "b64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
        "hex" => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text)),
        "rot13" => Rot13(text),
        "url" => Url(text),
        "homo" => Substitute(text, CyrillicFrom, CyrillicTo, everyOther: true),
        "greek" => Substitute(text, GreekFrom, GreekTo, everyOther: false),
        "zw" => ZeroWidth(text),
        "rlo" => "\u202E" + Reverse(text) + "\u202C",
        "full" => string.Concat(text.Select(c => c == ' ' ? '\u3000' : c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c)),
        "bold" => Bold(text),
        "spaced" => string.Join("   ", text.Split(' ').Select(w => string.Join(' ', w.ToCharArray()))),
        "tag" => string.Concat(text.Select(c => char.ConvertFromUtf32(0xE0000 + c))),
        "rev" => Reverse(text),
        _ => throw new FormatException($"unknown encoding {kind}"),
    };

    private static string Rot13(string text) => string.Concat(text.Select(c => c switch
    {
        >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
        >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
        _ => c,
    }));

    private static string Url(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b)) builder.Append((char)b);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static string Substitute(string text, string from, string to, bool everyOther)
    {
        var builder = new StringBuilder(text.Length);
        var eligible = 0;
        foreach (var c in text)
        {
            var i = from.IndexOf(c, StringComparison.Ordinal);
            builder.Append(i >= 0 && (!everyOther || eligible++ % 2 == 0) ? to[i] : c);
        }
        return builder.ToString();
    }

    private static string ZeroWidth(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        var run = 0;
        foreach (var c in text)
        {
            builder.Append(c);
            run = char.IsLetter(c) ? run + 1 : 0;
            if (run % 2 == 0 && run > 0) builder.Append('\u200B');
        }
        return builder.ToString();
    }

    private static string Bold(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z') builder.Append(char.ConvertFromUtf32(0x1D41A + (c - 'a')));
            else if (c is >= 'A' and <= 'Z') builder.Append(char.ConvertFromUtf32(0x1D400 + (c - 'A')));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
