using System.Buffers;
using Airlock.Gateway.Guardrails;
using Airlock.Guardrails;

namespace Airlock.Gateway.Redaction;

/// <summary>
/// One stream of model text inside a streamed answer (a choice's content, a tool call's arguments, an Anthropic content
/// block), decided piece by piece. Text is decided (searched for secrets, then free to leave) only up to the last word
/// boundary, because a secret split across two chunks is whole only once the word is; the search also sees
/// <see cref="ContextChars"/> of decided text before it (an AWS secret key is recognised by the key id before it, a password
/// by its <c>password=</c>). A private-key block is held from its BEGIN line until its END line.
/// </summary>
public sealed class TextChannel
{
    /// <summary>Decided text searched again before new text: the AWS key-pair window (300) plus the key id, and the longest keyword context.</summary>
    public const int ContextChars = 384;

    /// <summary>A word longer than this is decided anyway (a minified blob must not stall a stream).</summary>
    public const int MaxWord = 4096;

    /// <summary>A private-key block longer than this is decided anyway (the scanner's own bound on a PEM body).</summary>
    public const int MaxPrivateKey = 12_288;

    /// <summary>
    /// Newly decided text without a word this long holds no secret (every rule's match is one word of at least 9 characters:
    /// a URL credential <c>a://u:p@h</c>; assigned values and tokens are longer), so it is not searched.
    /// </summary>
    public const int MinSecretWord = 8;

    // No secret pattern runs across whitespace or quotes (private keys, which contain whitespace, are held whole).
    private static readonly SearchValues<char> Boundaries = SearchValues.Create(" \t\r\n\f\v\"'`");

    private readonly List<SecretFinding> _findings = [];
    private char[] _text = new char[256];

    public int Length { get; private set; }

    /// <summary>Text before this offset is decided; its findings are final.</summary>
    public int Decided { get; private set; }

    public IReadOnlyList<SecretFinding> Findings => _findings;

    /// <summary>Adds a chunk of text; returns where it sits in the channel.</summary>
    public (int Start, int End) Append(string text)
    {
        if (Length + text.Length > _text.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, Length + text.Length));
        text.CopyTo(_text.AsSpan(Length));
        var start = Length;
        Length += text.Length;
        return (start, Length);
    }

    /// <summary>Decides what can no longer change (everything when <paramref name="final"/>); returns the new findings' count.</summary>
    public int Advance(GuardrailEngine engine, bool final)
    {
        var safe = final ? Length : SafePoint();
        if (safe <= Decided) return 0;
        if (!HasLongWord(_text.AsSpan(Decided, safe - Decided)))
        {
            Decided = safe;
            return 0;
        }
        var from = Math.Max(0, Decided - ContextChars);
        var before = _findings.Count;
        foreach (var finding in engine.FindSecrets(new string(_text, from, safe - from)))
        {
            var (start, end) = (finding.Start + from, finding.End + from);
            if (end <= Decided) continue;
            _findings.Add(new SecretFinding(finding.Type, Math.Max(start, Decided), end));
        }
        Decided = safe;
        return _findings.Count - before;
    }

    /// <summary>The decided text [start, end) as it may leave (secrets cut out), or null when it leaves unchanged.</summary>
    public string? Render(int start, int end) =>
        _findings.Count == 0 ? null : SpanRedaction.Apply(new string(_text, start, end - start), start, _findings, markContinued: false);

    private static bool HasLongWord(ReadOnlySpan<char> text)
    {
        while (text.Length >= MinSecretWord)
        {
            var boundary = text.IndexOfAny(Boundaries);
            if (boundary < 0) return true;
            if (boundary >= MinSecretWord) return true;
            text = text[(boundary + 1)..];
        }
        return false;
    }

    private int SafePoint()
    {
        var pending = _text.AsSpan(Decided, Length - Decided);
        var boundary = pending.LastIndexOfAny(Boundaries);
        var safe = boundary < 0 ? Decided : Decided + boundary + 1;
        if (Length - safe > MaxWord) safe = Length;
        var begin = pending.LastIndexOf("-----BEGIN".AsSpan());
        if (begin >= 0 && pending[begin..].IndexOf("-----END".AsSpan()) < 0 && pending.Length - begin <= MaxPrivateKey) safe = Math.Min(safe, Decided + begin);
        return safe;
    }
}
