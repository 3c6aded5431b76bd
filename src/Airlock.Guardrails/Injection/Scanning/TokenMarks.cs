namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>How a token sits in its text: the punctuation after it and what kind of token it is.</summary>
[Flags]
internal enum TokenMarks : ushort
{
    None = 0,
    /// <summary>First word of a sentence, of a line, or after a colon, bracket or quote.</summary>
    ClauseStart = 1 << 0,
    ColonAfter = 1 << 1,
    CommaAfter = 1 << 2,
    /// <summary>A dash or an ellipsis after the word ("Hi assistant - …").</summary>
    DashAfter = 1 << 3,
    /// <summary>Part of an identifier: joined by underscores, in backticks or followed by "(".</summary>
    Identifier = 1 << 4,
    Url = 1 << 5,
    Email = 1 << 6,
    /// <summary>Read through leetspeak (1gn0r3).</summary>
    Leet = 1 << 7,
    ParenAfter = 1 << 8,
    /// <summary>A term found inside a run of Chinese, Japanese, Korean, Arabic or Hebrew text.</summary>
    Substring = 1 << 9,
    /// <summary>Written in upper case throughout, at least three letters (a placeholder such as DATA or TOKEN).</summary>
    AllCaps = 1 << 10,
    /// <summary>Ends in "-ing": a participle describes, it does not order.</summary>
    Participle = 1 << 11,
    /// <summary>Right after a dot ("uninstall.sh"): an extension or a member, not a word of the sentence.</summary>
    AfterDot = 1 << 12,
}
