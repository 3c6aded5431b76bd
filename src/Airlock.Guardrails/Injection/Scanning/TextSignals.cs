namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>What the prescan saw in the characters of a text, beyond its words.</summary>
[Flags]
internal enum TextSignals : uint
{
    None = 0,
    /// <summary>Zero-width or other invisible format characters.</summary>
    Invisible = 1 << 0,
    Bidi = 1 << 1,
    /// <summary>Unicode tag characters outside flag emoji (ASCII smuggling).</summary>
    Tags = 1 << 2,
    VariationSelectors = 1 << 3,
    /// <summary>Fullwidth, mathematical, circled or small-capital letters.</summary>
    Styled = 1 << 4,
    /// <summary>A word mixing Latin letters with Cyrillic or Greek look-alikes.</summary>
    MixedScript = 1 << 5,
    /// <summary>A lexicon word read through leetspeak.</summary>
    Leet = 1 << 6,
    /// <summary>Neighbouring fragments that spell a lexicon word, or mostly one- and two-letter runs.</summary>
    Fragmented = 1 << 7,
    /// <summary>Single letters joined by one separator ("i g n o r e", "i.g.n.o.r.e").</summary>
    SpacedLetters = 1 << 8,
    /// <summary>Chinese, Japanese, Korean, Arabic or Hebrew text: scripts the lexicon reads by substring.</summary>
    Cjk = 1 << 9,
    /// <summary>Letters of a script other than Latin (Cyrillic, Greek, Arabic, Hebrew, Devanagari…).</summary>
    OtherScript = 1 << 10,
    Base64 = 1 << 11,
    Hex = 1 << 12,
    PercentEscapes = 1 << 13,
    HtmlEntities = 1 << 14,
    UnicodeEscapes = 1 << 15,
    /// <summary>Backslash escapes of a serialised string (\n, \").</summary>
    StringEscapes = 1 << 16,
    /// <summary>Chat-template markup the words do not show: "&lt;|", "&lt;/s&gt;".</summary>
    Markup = 1 << 17,
    /// <summary>Few common English words: possibly rot13 or reversed text.</summary>
    NotProse = 1 << 18,
    /// <summary>At least two quoted fragments.</summary>
    Quotes = 1 << 19,
    /// <summary>A markdown link or image: "](".</summary>
    MarkdownLink = 1 << 20,
    /// <summary>An HTML comment: "&lt;!--".</summary>
    HtmlComment = 1 << 21,
    /// <summary>An identifier: words joined by underscores, in backticks or called with "(".</summary>
    Identifier = 1 << 22,
    /// <summary>A URL whose query has a slot for data (<c>?d=DATA</c>, <c>?u={email}</c>, a trailing <c>?k=</c>).</summary>
    LinkSlot = 1 << 23,
    /// <summary>An AI named and followed by a comma or colon ("Model, …", "Assistant:"): it may be spoken to.</summary>
    AiVocative = 1 << 24,
    /// <summary>Structured data rather than a message: JSON, HTML tags or e-mail headers ("From:", "Subject:").</summary>
    DataLike = 1 << 25,

    /// <summary>Disguises the word gate cannot see through: every rule runs on every view.</summary>
    Disguised = Invisible | Bidi | Tags | VariationSelectors | Styled | MixedScript | Leet | Fragmented | SpacedLetters,
    /// <summary>Something a decoder has to unpack.</summary>
    Encoded = Base64 | Hex | PercentEscapes | HtmlEntities | UnicodeEscapes | StringEscapes | NotProse,
}
