using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Airlock.Guardrails.Secrets;

/// <summary>
/// Pure checks on a candidate value: does it look like a random credential, or like one of the things that merely
/// resemble one (hex hashes and digests, UUIDs, commit ids, identifiers, base64 of ordinary text, placeholders)?
/// </summary>
internal static class TokenShape
{
    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return 0;
        Span<int> counts = stackalloc int[128];
        counts.Clear();
        var other = new Dictionary<char, int>();
        foreach (var c in value)
        {
            if (c < 128) counts[c]++;
            else other[c] = other.GetValueOrDefault(c) + 1;
        }
        double entropy = 0;
        foreach (var n in counts) entropy -= Term(n, value.Length);
        foreach (var n in other.Values) entropy -= Term(n, value.Length);
        return entropy;
    }

    private static double Term(int count, int length)
    {
        if (count == 0) return 0;
        var p = (double)count / length;
        return p * Math.Log2(p);
    }

    public static bool IsHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value) if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    /// <summary>Hashes, digests, UUIDs and commit ids: hex strings, <c>sha256:…</c>, <c>8-4-4-4-12</c>.</summary>
    public static bool IsHashLike(string value) =>
        (value.Length >= 7 && IsHex(value)) || SecretPatterns.Uuid().IsMatch(value) || SecretPatterns.Digest().IsMatch(value);

    public static bool IsPlaceholder(string value) => SecretPatterns.Placeholder().IsMatch(value);

    /// <summary>Base64 (or base64url) that decodes to readable UTF-8 text is data, not a key.</summary>
    public static bool IsBase64OfText(string value)
    {
        var bytes = TryDecodeBase64(value);
        return bytes is { Length: >= 6 } && LooksLikeText(bytes);
    }

    public static byte[]? TryDecodeBase64(string value)
    {
        var normalized = value.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        if (normalized.Length % 4 == 1) return null;
        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        var buffer = new byte[normalized.Length * 3 / 4];
        return Convert.TryFromBase64String(normalized, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>Valid UTF-8 that is mostly printable characters and whitespace.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes)) return false;
        var text = Encoding.UTF8.GetString(bytes);
        var printable = 0;
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\n' or '\r' or '\t') printable++;
        }
        return printable >= text.Length * 0.95;
    }

    /// <summary>
    /// Random-looking: long enough, letters mixed with digits, high entropy, many switches between character classes
    /// (random tokens switch often, <c>camelCaseIdentifiers</c> rarely), and not one of the look-alikes.
    /// </summary>
    public static bool IsRandomLooking(string value, int minLength)
    {
        if (value.Length < minLength) return false;
        if (IsHashLike(value) || IsPlaceholder(value) || IsBase64OfText(value)) return false;
        int letters = 0, digits = 0, switches = 0;
        var previous = CharClass(value[0]);
        foreach (var c in value)
        {
            if (char.IsAsciiLetter(c)) letters++;
            else if (char.IsAsciiDigit(c)) digits++;
            var current = CharClass(c);
            if (current != previous) switches++;
            previous = current;
        }
        if (letters == 0 || digits == 0) return false;
        var minEntropy = value.Length >= 24 ? 3.5 : 3.0;
        return Entropy(value) >= minEntropy && switches >= value.Length / 5;
    }

    private static int CharClass(char c) => c switch
    {
        >= 'a' and <= 'z' => 0,
        >= 'A' and <= 'Z' => 1,
        >= '0' and <= '9' => 2,
        _ => 3,
    };

    /// <summary>A JWT's first part must be base64url of a JSON object naming an algorithm or a type.</summary>
    public static bool HasJwtHeader(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0) return false;
        var bytes = TryDecodeBase64(token[..dot]);
        if (bytes is null) return false;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("alg", out _) || document.RootElement.TryGetProperty("typ", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
