namespace Airlock.ControlPlane.Patching;

/// <summary>RFC 6901 JSON pointers: <c>/a/b~1c/0</c> → <c>["a", "b/c", "0"]</c>.</summary>
public static class JsonPointer
{
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }
        if (pointer[0] != '/')
        {
            throw PatchErrors.Unprocessable($"JSON pointer must be empty or start with a \"/\": {pointer}");
        }
        return pointer[1..].Split('/').Select(Unescape).ToArray();
    }

    /// <summary>Decodes <c>~1</c> before <c>~0</c>, as RFC 6901 section 4 requires.</summary>
    public static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
