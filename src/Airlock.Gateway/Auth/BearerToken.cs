using System.Buffers.Text;
using System.Text.Json;

namespace Airlock.Gateway.Auth;

/// <summary>Reads the bearer token of a request and the expiry claim of a JWT (unverified: only to bound the cache).</summary>
public static class BearerToken
{
    /// <summary>The token after <c>Bearer </c>, or null when the header is missing or not a bearer credential.</summary>
    public static string? FromHeader(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization)) return null;
        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = authorization[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>True for three base64url segments, the shape of every service-account token.</summary>
    public static bool LooksLikeJwt(string token)
    {
        if (token.Length > 16 * 1024) return false;
        var segments = 0;
        var length = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                if (length == 0) return false;
                segments++;
                length = 0;
                continue;
            }
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
            length++;
        }
        return segments == 2 && length > 0;
    }

    /// <summary>The <c>exp</c> claim, or null when it cannot be read.</summary>
    public static DateTimeOffset? Expiry(string token)
    {
        var first = token.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (second < 0) return null;
        try
        {
            var payload = Base64Url.DecodeFromChars(token.AsSpan(first + 1, second - first - 1));
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isExp = reader.ValueTextEquals("exp");
                reader.Read();
                if (isExp && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var exp)) return DateTimeOffset.FromUnixTimeSeconds(exp);
                reader.Skip();
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
        return null;
    }
}
