namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// The features of one window of normalised text, hashed (no vocabulary): character 3-, 4- and 5-grams (so scripts
/// written without spaces are read too), character bigrams of CJK text, word unigrams and bigrams, and a few
/// structural features of the whole text (styled letters, mostly non-Latin letters, shouting). Hidden characters are
/// left to the rules: as a feature they made any text with a bidi mark look like an attack.
/// </summary>
internal static class LearnedFeatures
{
    private const uint Prime = 16777619;
    private const uint Basis = 2166136261;
    private const uint CjkBasis = 0x050C5D1F; // unchecked((2166136261 ^ 0xC1) * 16777619)

    public static void Extract<TSink>(ReadOnlySpan<char> window, in LearnedTextFacts facts, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        CharacterGrams(window, ref sink);
        Words(window, ref sink);
        Structure(facts, ref sink);
    }

    /// <summary>Maps a feature hash to a bucket in a table of 2^<paramref name="bits"/> and a sign (+1 or −1).</summary>
    public static int Bucket(uint hash, int bits, out int sign)
    {
        var mixed = Mix(hash);
        sign = (mixed & 1) == 0 ? 1 : -1;
        return (int)(mixed >> (32 - bits));
    }

    private static void CharacterGrams<TSink>(ReadOnlySpan<char> window, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        // The window is read as if framed by spaces, so a word at either edge gives its boundary grams.
        var length = window.Length + 2;
        for (var start = 0; start + 3 <= length; start++)
        {
            var hash = Basis;
            for (var n = 0; n < 5 && start + n < length; n++)
            {
                hash = (hash ^ At(window, start + n)) * Prime;
                if (n >= 2) sink.Add(hash + (uint)n);
            }
        }
        for (var i = 1; i < window.Length; i++)
        {
            if (window[i - 1] >= 0x2E80 && window[i] >= 0x2E80) sink.Add((((CjkBasis ^ window[i - 1]) * Prime) ^ window[i]) * Prime);
        }
    }

    private static uint At(ReadOnlySpan<char> window, int framed) => framed == 0 || framed > window.Length ? ' ' : window[framed - 1];

    private static void Words<TSink>(ReadOnlySpan<char> window, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var previous = 0x9E3779B9u;
        var hash = 0u;
        var inWord = false;
        for (var i = 0; i <= window.Length; i++)
        {
            if (i < window.Length && char.IsLetterOrDigit(window[i]))
            {
                if (!inWord) hash = Basis ^ 0x5751u;
                hash = (hash ^ window[i]) * Prime;
                inWord = true;
                continue;
            }
            if (!inWord) continue;
            inWord = false;
            sink.Add(hash * 31);
            sink.Add(Mix(previous) ^ (hash * 0x85EBCA6Bu));
            previous = hash;
        }
    }

    private static void Structure<TSink>(in LearnedTextFacts facts, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        if (facts.Styled > 0) sink.Add(0xA1D0_0002);
        if (facts.Letters > 0 && facts.NonLatin * 4 > facts.Letters) sink.Add(0xA1D0_0003);
        if (facts.Letters > 20 && facts.Upper * 3 > facts.Letters) sink.Add(0xA1D0_0004);
    }

    /// <summary>The finaliser of MurmurHash3: spreads nearby hashes over the whole range.</summary>
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
