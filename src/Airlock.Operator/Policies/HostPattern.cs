using System.Net;
using System.Text.RegularExpressions;

namespace Airlock.Operator.Policies;

/// <summary>Egress host names and <c>*.domain</c> wildcards: their syntax and which hosts a pattern covers.</summary>
public static partial class HostPattern
{
    /// <summary>Why <paramref name="host"/> is not an acceptable exact host or wildcard, with the fix; null when it is.</summary>
    public static string? Problem(string host)
    {
        if (host.Length == 0) return "is empty; use an exact host (api.github.com) or *.domain";
        if (host == "*" || (host.Contains('*') && !host.StartsWith("*.", StringComparison.Ordinal)) || host.LastIndexOf('*') > 0)
            return $"\"{host}\" is not allowed; use an exact host or *.domain";
        if (host.Any(c => c > 127)) return $"\"{host}\" is not ASCII; write international names in punycode (xn--...)";
        if (host.Any(char.IsUpper)) return $"\"{host}\" has upper-case letters; write it in lower case ({host.ToLowerInvariant()})";
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        if (IPAddress.TryParse(name.Trim('[', ']'), out _) || name.Contains(':'))
            return $"\"{host}\" is an IP address; use a cidr rule for addresses";
        if (host.Length > 253 || !Name().IsMatch(name) || name.Split('.').Any(l => l.Length > 63))
            return $"\"{host}\" is not a valid host name; use lower-case letters, digits, '-' and '.' (api.github.com)";
        // A numeric or hex top label (10.0.0.1, 0x7f000001) is an address in disguise: resolvers and curl treat it as one.
        if (!char.IsAsciiLetter(name.Split('.')[^1][0]))
            return $"\"{host}\" looks like an IP address; use a cidr rule for addresses";
        if (host.StartsWith("*.", StringComparison.Ordinal) && name.Split('.').Length < 2)
            return $"\"{host}\" covers a whole top-level domain; name at least the registered domain (*.example.com)";
        return null;
    }

    /// <summary>True when <paramref name="pattern"/> (exact host or <c>*.domain</c>) allows every host <paramref name="host"/> can match.</summary>
    public static bool Covers(string pattern, string host)
    {
        if (string.Equals(pattern, host, StringComparison.Ordinal)) return true;
        if (!pattern.StartsWith("*.", StringComparison.Ordinal)) return false;
        var suffix = pattern[1..];
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[1..] : host;
        // *.example.com covers a.example.com and *.a.example.com, but not example.com itself.
        return name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length;
    }

    [GeneratedRegex("^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)*[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Name();
}
