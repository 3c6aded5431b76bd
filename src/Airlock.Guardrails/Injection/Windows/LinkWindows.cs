using System.Collections.Frozen;
using Airlock.Guardrails.Injection.Lexicon;
using Airlock.Guardrails.Injection.Scanning;
using static Airlock.Guardrails.Injection.InjectionFamilies;
using static Airlock.Guardrails.Injection.Windows.WindowWords;

namespace Airlock.Guardrails.Injection.Windows;

/// <summary>
/// A URL with a slot for data in its query (<c>?d=DATA</c>, <c>?u={user_email}</c>, <c>?c=&lt;last message&gt;</c>, a
/// trailing <c>?k=</c>): rendered as an image or filled in as told, it carries the conversation out. Query values that
/// are ordinary data (<c>?w=800</c>, <c>?token=ABC123</c>, JSON) are not slots.
/// </summary>
internal static class LinkWindows
{
    private static readonly FrozenSet<int> Promote = Set("include add insert append show");
    private static readonly FrozenSet<int> LinkWords = Set("link url");
    private static readonly FrozenSet<int> FillWords = Set("replace replaced fill filled followed plus append appending containing include add put embed encode where substitute");

    public static void Collect(TokenWindow w, SignalSet signals)
    {
        for (var i = 0; i < w.Count; i++)
        {
            if (!w[i].Is(TokenMarks.Url)) continue;
            // "include the link https://…": a URL the reader is told to put in its answer (phishing, referral).
            if (w.Previous(i, 4, Promote) is var promote and >= 0 && (w.Is(promote + 1, LinkWords) || w.Is(promote + 2, LinkWords)))
                w.Report(signals, Exfiltration, 0.4, "tells it to show a link", promote, i);
            var url = w.Text.AsSpan(w[i].Start, w[i].End - w[i].Start);
            if (!HasSlot(url) && !OpensSlot(w.Text, w[i].End)) continue;
            var image = w[i].Start >= 2 && w.Text[w[i].Start - 1] == '(' && w.Text[w[i].Start - 2] == ']';
            // "replacing DATA with a summary of our chat": filled with the conversation's data, not "with your key".
            var told = (w.Previous(i, 12, FillWords, 1) >= 0 || w.Next(i, 12, FillWords, 1) >= 0) && TheirData(w, i);
            // "?text=<the user's notes>": the URL stops at the bracket that opens the slot.
            var bracketed = OpensSlot(w.Text, w[i].End);
            if (image || told || bracketed) w.Report(signals, Exfiltration, image || bracketed ? 0.6 : 0.5, "a URL with a slot for data", i, i);
        }
    }

    private static bool TheirData(TokenWindow w, int i)
    {
        for (var k = Math.Max(0, i - 14); k < Math.Min(w.Count, i + 14); k++)
        {
            if (w[k].Has(Cue.DataObject | Cue.SecretObject | Cue.PromptObject | Cue.Person) && !w[k].Is(TokenMarks.Identifier) && !w.Is(k - 1, Yours)) return true;
        }
        return false;
    }

    private static readonly FrozenSet<int> Yours = Set("your my");

    /// <summary>The URL stops where a bracketed slot begins: "?text=&lt;the user's notes&gt;".</summary>
    public static bool OpensSlot(ReadOnlySpan<char> text, int end) => end < text.Length && end > 0 && text[end - 1] == '=' && text[end] is '<' or '{' or '[';

    /// <summary>A query value that is a placeholder rather than data.</summary>
    public static bool HasSlot(ReadOnlySpan<char> url)
    {
        var query = url.IndexOfAny('?', '#');
        if (query < 0) return false;
        foreach (var range in url[(query + 1)..].SplitAny('&', ';'))
        {
            var pair = url[(query + 1)..][range];
            var equals = pair.IndexOf('=');
            if (equals < 0) continue;
            if (IsSlot(pair[(equals + 1)..])) return true;
        }
        return false;
    }

    private static bool IsSlot(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return true;
        // YOUR_API_KEY, {your-token}: documentation asking the reader to fill in their own value.
        if (value.TrimStart("{<[$").StartsWith("your", StringComparison.OrdinalIgnoreCase)) return false;
        var inner = value.Trim("{}<>[]$%7B%7D".AsSpan());
        var bracketed = value[0] is '{' or '<' or '[' || value.StartsWith("%7B", StringComparison.OrdinalIgnoreCase) || value[0] == '$';
        if (bracketed) return inner.Length >= 2 && IsName(inner, allowLower: true);
        // An all-capitals name (DATA, SESSION_TOKEN): placeholders are written so; random tokens have digits or lower case.
        return value.Length >= 3 && IsName(value, allowLower: false) || value.SequenceEqual("...");
    }

    private static bool IsName(ReadOnlySpan<char> value, bool allowLower)
    {
        foreach (var c in value)
        {
            if (c is >= 'A' and <= 'Z' or '_' || (allowLower && (c is >= 'a' and <= 'z' or ' ' or '\'' or '-'))) continue;
            return false;
        }
        return true;
    }
}
