using System.Buffers;

namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// The learned model's probability that a text is a prompt injection: the text is normalised into a pooled buffer,
/// read in overlapping windows, and the most suspicious window of prose (<see cref="ProseGate"/>) counts. Pure and thread-safe; allocates nothing.
/// </summary>
public sealed class LearnedScorer
{
    private static readonly Lazy<LearnedScorer> DefaultScorer = new(() => new LearnedScorer(LearnedModel.Embedded));
    private readonly LearnedModel _model;

    public LearnedScorer(LearnedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>The scorer with the embedded model.</summary>
    public static LearnedScorer Default => DefaultScorer.Value;

    public LearnedModel Model => _model;

    /// <summary>The probability in [0, 1] that <paramref name="text"/> carries an injection (0 for empty text).</summary>
    public double Probability(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = LearnedText.Normalize(text, buffer, out var facts);
            if (length == 0) return 0;
            var normalized = buffer.AsSpan(0, length);
            var best = double.NegativeInfinity;
            var windows = LearnedWindows.Count(length);
            for (var i = 0; i < windows; i++)
            {
                var window = normalized[LearnedWindows.Get(i, length)];
                if (!ProseGate.IsProse(window)) continue;
                var sink = new ScoringSink(_model.Weights);
                LearnedFeatures.Extract(window, facts, ref sink);
                best = Math.Max(best, sink.Margin(_model));
            }
            return double.IsNegativeInfinity(best) ? 0 : Sigmoid(best);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private struct ScoringSink(short[] weights) : IFeatureSink
    {
        private long _sum;
        private int _count;

        public void Add(uint hash)
        {
            var bucket = LearnedFeatures.Bucket(hash, LearnedModel.Bits, out var sign);
            _sum += sign * weights[bucket];
            _count++;
        }

        public readonly double Margin(LearnedModel model) => model.Bias + (_count == 0 ? 0 : _sum * (double)model.Scale / Math.Sqrt(_count));
    }
}
