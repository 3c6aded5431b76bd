namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// Trains the injection model: logistic regression over the hashed features of <see cref="LearnedFeatures"/>, AdaGrad
/// with a fixed seed and sample order, classes weighted equally, weights quantised to Int16. Deterministic: the same
/// corpus and options give a bit-identical model.
/// </summary>
public static class LearnedTrainer
{
    /// <summary>A long benign document counts as at most this many windows.</summary>
    private const int MaxWindowsPerSample = 8;

    public static LearnedTrainingResult Train(IReadOnlyList<TrainingSample> samples, LearnedTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        options ??= new LearnedTrainingOptions();
        if (!samples.Any(s => s.IsAttack) || !samples.Any(s => !s.IsAttack)) throw new ArgumentException("the corpus needs attacks and benign texts", nameof(samples));
        var corpusHash = TrainingCorpus.Sha256(samples);

        var training = samples.Where(s => !IsValidation(s, options)).ToList();
        var validation = samples.Where(s => IsValidation(s, options)).ToList();
        var probe = new LearnedScorer(Fit(training, options, 0.5f, corpusHash));
        var benignScores = validation.Where(s => !s.IsAttack).Select(s => probe.Probability(s.Text)).OrderByDescending(p => p).ToList();
        var threshold = Threshold(benignScores, options);
        var detected = validation.Count(s => s.IsAttack && probe.Probability(s.Text) >= threshold);

        var model = Fit(samples, options, threshold, corpusHash);
        return new LearnedTrainingResult(
            model,
            samples.Count,
            validation.Count(s => s.IsAttack),
            detected,
            benignScores.Count,
            benignScores.Count(p => p >= threshold));
    }

    private static float Threshold(List<double> benignDescending, LearnedTrainingOptions options)
    {
        var allowed = (int)Math.Floor(options.MaxFalseAlarmRate * benignDescending.Count);
        var above = allowed < benignDescending.Count ? benignDescending[allowed] + 1e-4 : 0;
        return (float)Math.Clamp(Math.Max(above, options.MinThreshold), 0, 0.999);
    }

    private static bool IsValidation(TrainingSample sample, LearnedTrainingOptions options)
    {
        var hash = 2166136261u;
        foreach (var c in sample.Text) hash = (hash ^ c) * 16777619;
        return hash % (uint)options.ValidationOneIn == 0;
    }

    private static LearnedModel Fit(IReadOnlyList<TrainingSample> samples, LearnedTrainingOptions options, float threshold, string corpusHash)
    {
        var examples = Examples(samples);
        var weights = new double[1 << LearnedModel.Bits];
        var squares = new double[weights.Length];
        double bias = 0, biasSquares = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = options.Seed == 0 ? 1u : options.Seed;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(order, ref random);
            foreach (var index in order)
            {
                var example = examples[index];
                var margin = bias;
                foreach (var feature in example.Features) margin += Sign(feature) * weights[feature >> 1] * example.Scale;
                var gradient = (LearnedScorer.Sigmoid(margin) - example.Label) * example.Weight;
                foreach (var feature in example.Features)
                {
                    var bucket = feature >> 1;
                    var g = (gradient * Sign(feature) * example.Scale) + (options.L2 * weights[bucket]);
                    squares[bucket] += g * g;
                    weights[bucket] -= options.LearningRate * g / (Math.Sqrt(squares[bucket]) + 1e-8);
                }
                biasSquares += gradient * gradient;
                bias -= options.LearningRate * gradient / (Math.Sqrt(biasSquares) + 1e-8);
            }
        }
        return Quantise(weights, bias, threshold, corpusHash);
    }

    private static LearnedModel Quantise(double[] weights, double bias, float threshold, string corpusHash)
    {
        var max = weights.Max(Math.Abs);
        var scale = max == 0 ? 1f : (float)(max / short.MaxValue);
        var quantised = new short[weights.Length];
        for (var i = 0; i < weights.Length; i++) quantised[i] = (short)Math.Clamp(Math.Round(weights[i] / scale), -short.MaxValue, short.MaxValue);
        return new LearnedModel(quantised, scale, (float)bias, threshold, corpusHash);
    }

    private static List<TrainingExample> Examples(IReadOnlyList<TrainingSample> samples)
    {
        var perClass = new[] { samples.Count(s => !s.IsAttack), samples.Count(s => s.IsAttack) };
        var examples = new List<TrainingExample>();
        var features = new List<int>();
        foreach (var sample in samples)
        {
            var buffer = new char[sample.Text.Length];
            var length = LearnedText.Normalize(sample.Text, buffer, out var facts);
            if (length == 0) continue;
            var windows = Math.Min(LearnedWindows.Count(length), MaxWindowsPerSample);
            // Each sample weighs the same whatever its length; each class weighs the same whatever its size.
            var weight = samples.Count / (2.0 * perClass[sample.IsAttack ? 1 : 0] * windows);
            for (var i = 0; i < windows; i++)
            {
                features.Clear();
                var sink = new FeatureCollector(features);
                LearnedFeatures.Extract(buffer.AsSpan(0, length)[LearnedWindows.Get(i, length)], facts, ref sink);
                examples.Add(new TrainingExample([.. features], 1 / Math.Sqrt(features.Count), sample.IsAttack ? 1 : 0, weight));
            }
        }
        return examples;
    }

    private static double Sign(int feature) => (feature & 1) == 0 ? 1 : -1;

    private static void Shuffle(int[] order, ref uint state)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            var j = (int)(state % (uint)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
