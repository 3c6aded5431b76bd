using System.Text;

namespace Airlock.Egress.Proxy.Http;

/// <summary>Strict header-field parsing shared by request and response heads (RFC 9110 section 5: token name, no folding, no controls).</summary>
public static class HeaderLines
{
    /// <summary>One <c>name: value</c> line without its CRLF; false for anything doubtful.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out KeyValuePair<string, string> header)
    {
        header = default;
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) return false;
        var name = line[..colon];
        foreach (var b in name)
        {
            if (!IsTokenChar(b)) return false;
        }
        var value = line[(colon + 1)..];
        foreach (var b in value)
        {
            if (b is < 0x20 and not (byte)'\t' || b == 0x7F) return false;
        }
        header = new(Encoding.ASCII.GetString(name), Encoding.Latin1.GetString(value).Trim(' ', '\t'));
        return true;
    }

    /// <summary>The first value of <paramref name="name"/> (names compare ignoring case), or null.</summary>
    public static string? First(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }

    public static int Count(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        var count = 0;
        foreach (var (key, _) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) count++;
        }
        return count;
    }

    /// <summary>Every comma-separated element of every <paramref name="name"/> field, trimmed, in order.</summary>
    public static List<string> Elements(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        var elements = new List<string>();
        foreach (var (key, value) in headers)
        {
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) continue;
            elements.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        return elements;
    }

    /// <summary>True when a <c>Connection</c> field names <paramref name="option"/> (<c>close</c>, <c>keep-alive</c>).</summary>
    public static bool HasConnectionOption(IReadOnlyList<KeyValuePair<string, string>> headers, string option) =>
        Elements(headers, "Connection").Contains(option, StringComparer.OrdinalIgnoreCase);

    private static bool IsTokenChar(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
        || "!#$%&'*+-.^_`|~"u8.IndexOf(b) >= 0;
}
