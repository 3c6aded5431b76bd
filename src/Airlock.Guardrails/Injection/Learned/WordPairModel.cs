namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// A small learned second opinion: logistic regression over hashed words and adjacent word pairs of the skeleton view
/// (<see cref="WordPairWeights"/>, trained by tests/Airlock.Guardrails.Tests/Development/Training on the seed corpora
/// and the development set, never on the evaluation or held-out sets). It only strengthens a text some rule already
/// found suspicious, so it cannot raise an alarm alone. Pure, allocation-free.
/// </summary>
internal static class WordPairModel
{
    private const int Bits = 14;
    private const int Buckets = 1 << Bits;
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>Model probabilities at or below this add nothing; above, the evidence grows linearly to <see cref="MaxWeight"/>.</summary>
    public const double Confidence = 0.7;
    public const double MaxWeight = 0.4;

    /// <summary>The probability that <paramref name="skeleton"/> is an injection, by the word-pair model alone.</summary>
    public static double Probability(string skeleton)
    {
        Span<ulong> seen = stackalloc ulong[Buckets / 64];
        seen.Clear();
        var weights = WordPairWeights.Quantized;
        var sum = 0L;
        int previousStart = -1, previousLength = 0;
        var i = 0;
        while (i < skeleton.Length)
        {
            if (!IsWordChar(skeleton[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var hash = OffsetBasis;
            for (; i < skeleton.Length && (IsWordChar(skeleton[i]) || skeleton[i] == '\''); i++)
            {
                if (skeleton[i] != '\'') hash = (hash ^ skeleton[i]) * Prime;
            }
            sum += Add(hash, seen, weights);
            if (previousStart >= 0)
            {
                var pair = OffsetBasis;
                pair = HashWord(skeleton.AsSpan(previousStart, previousLength), pair);
                pair = (pair ^ ' ') * Prime;
                pair = HashWord(skeleton.AsSpan(start, i - start), pair);
                sum += Add(pair, seen, weights);
            }
            (previousStart, previousLength) = (start, i - start);
        }
        var z = WordPairWeights.Bias + (sum * WordPairWeights.Scale);
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The evidence the model adds to a text with a rule score: nothing below <see cref="Confidence"/>.</summary>
    public static double Evidence(double probability) =>
        probability <= Confidence ? 0 : (probability - Confidence) / (1 - Confidence) * MaxWeight;

    private static int Add(uint hash, Span<ulong> seen, ReadOnlySpan<sbyte> weights)
    {
        var bucket = (int)(hash % Buckets);
        var bit = 1UL << (bucket & 63);
        if ((seen[bucket >> 6] & bit) != 0) return 0;
        seen[bucket >> 6] |= bit;
        return weights[bucket];
    }

    private static uint HashWord(ReadOnlySpan<char> word, uint hash)
    {
        foreach (var c in word)
        {
            if (c != '\'') hash = (hash ^ c) * Prime;
        }
        return hash;
    }

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
