using System.Globalization;
using System.Net;

namespace Airlock.Egress.Matching;

/// <summary>
/// Turns a host as a client wrote it into the one form the allowlist compares: ASCII (IDNA/punycode), lower case, no
/// trailing dot. Anything that is not plainly a DNS name (userinfo, ports, paths, percent-escapes, control characters,
/// empty labels) is refused rather than guessed at.
/// </summary>
public static class HostName
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>Normalises a DNS name; false for anything else, IP literals included (see <see cref="TryParseAddress"/>).</summary>
    public static bool TryNormalize(string? raw, out string host)
    {
        host = "";
        if (string.IsNullOrEmpty(raw) || raw.Length > 254) return false;
        var text = raw.EndsWith('.') ? raw[..^1] : raw;
        if (text.Length == 0) return false;
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 127)
            {
                ascii = false;
                continue;
            }
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.')) return false;
        }
        if (!ascii)
        {
            // Case-insensitive for every script ("BÜCHER.de" is "bücher.de"), but a character that only turns into an ASCII
            // letter by case folding (the Kelvin sign K) is a look-alike trick, not a spelling: refused.
            var lowered = text.ToLowerInvariant();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] > 127 && lowered[i] <= 127) return false;
            }
            try
            {
                // Homographs (a Cyrillic "а") become their own xn-- labels, so they can never equal a Latin name.
                text = Idn.GetAscii(lowered);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
        text = text.ToLowerInvariant();
        if (text.Length > 253 || LooksNumeric(text)) return false;
        foreach (var label in text.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
        }
        host = text;
        return true;
    }

    /// <summary>
    /// True when <paramref name="raw"/> is an address rather than a name: a bracketed IPv6 literal, or anything whose last
    /// label starts with a digit (resolvers read 2130706433, 0x7f.1 and 127.1 as addresses). <paramref name="address"/>
    /// is null when it looks like an address but does not parse as one (the caller refuses it).
    /// </summary>
    public static bool TryParseAddress(string raw, out IPAddress? address)
    {
        address = null;
        var text = raw.EndsWith('.') ? raw[..^1] : raw;
        if (text.StartsWith('['))
        {
            if (text.Length > 2 && text[^1] == ']' && IPAddress.TryParse(text[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && v6.ScopeId == 0)
                address = v6;
            return true;
        }
        if (text.Contains(':'))
        {
            if (IPAddress.TryParse(text, out var bare) && bare.ScopeId == 0) address = bare;
            return true;
        }
        if (!LooksNumeric(text)) return false;
        if (IPAddress.TryParse(text, out var v4)) address = v4;
        return true;
    }

    private static bool LooksNumeric(string text)
    {
        var last = text.LastIndexOf('.');
        var tld = last < 0 ? text : text[(last + 1)..];
        return tld.Length > 0 && char.IsAsciiDigit(tld[0]);
    }
}
