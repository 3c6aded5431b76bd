namespace Airlock.Guardrails.Redteam;

/// <summary>The ways <c>airlock redteam</c> disguises a seed; each is reported on its own line.</summary>
public static class MutationFamilies
{
    public const string Original = "original";
    public const string Case = "case";
    public const string Spacing = "spacing";
    public const string Homoglyph = "homoglyph";
    public const string ZeroWidth = "zero-width";
    public const string Bidi = "bidi";
    public const string Base64 = "base64";
    public const string Rot13 = "rot13";
    public const string UrlEncoding = "url-encoding";
    public const string HtmlEntities = "html-entities";
    public const string Hex = "hex";
    public const string Translation = "translation";
    public const string Markup = "markup";
    public const string Split = "split";

    public static IReadOnlyList<string> All { get; } =
        [Original, Case, Spacing, Homoglyph, ZeroWidth, Bidi, Base64, Rot13, UrlEncoding, HtmlEntities, Hex, Translation, Markup, Split];
}
