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

        // Cross-validation: every sample is scored once by a model that did not see it (its fold held back).
        var attackScores = new List<double>();
        var benignScores = new List<double>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var probe = new LearnedScorer(Fit([.. samples.Where(s => Fold(s, options) != fold)], options, 0.5f, corpusHash));
            foreach (var sample in samples.Where(s => Fold(s, options) == fold)) (sample.IsAttack ? attackScores : benignScores).Add(probe.Probability(sample.Text));
        }
        benignScores.Sort((a, b) => b.CompareTo(a));
        var threshold = Threshold(benignScores, options);

        var model = Fit(samples, options, threshold, corpusHash);
        return new LearnedTrainingResult(
            model,
            samples.Count,
            attackScores.Count,
            attackScores.Count(p => p >= threshold),
            benignScores.Count,
            benignScores.Count(p => p >= threshold));
    }

    private static float Threshold(List<double> benignDescending, LearnedTrainingOptions options)
    {
        var allowed = (int)Math.Floor(options.MaxFalseAlarmRate * benignDescending.Count);
        var above = allowed < benignDescending.Count ? benignDescending[allowed] + 1e-4 : 0;
        return (float)Math.Clamp(Math.Max(above, options.MinThreshold), 0, 0.999);
    }

    private static int Fold(TrainingSample sample, LearnedTrainingOptions options)
    {
        var hash = 2166136261u;
        foreach (var c in sample.Text) hash = (hash ^ c) * 16777619;
        return (int)(hash % (uint)options.Folds);
    }

    /// <summary>One fit on all of <paramref name="samples"/> with a given threshold: the last step of <see cref="Train"/>.</summary>
    internal static LearnedModel Fit(IReadOnlyList<TrainingSample> samples, LearnedTrainingOptions options, float threshold, string corpusHash)
    {
        var groups = Examples(samples);
        var state = new Optimiser(options);
        var order = Enumerable.Range(0, groups.Count).ToArray();
        var random = options.Seed == 0 ? 1u : options.Seed;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(order, ref random);
            foreach (var index in order)
            {
                var windows = groups[index];
                // An attack is in at least one of its windows, not in all: after a first pass over every window, only the
                // window the model finds most suspicious learns from the attack's label (multiple-instance learning).
                if (windows.Length > 1 && windows[0].Label == 1 && epoch > 0)
                {
                    var best = windows.MaxBy(state.Margin);
                    state.Step(best with { Weight = best.Weight * windows.Length });
                    continue;
                }
                foreach (var window in windows) state.Step(window);
            }
        }
        return Quantise(state.Weights, state.Bias, threshold, corpusHash);
    }

    private static LearnedModel Quantise(double[] weights, double bias, float threshold, string corpusHash)
    {
        var max = weights.Max(Math.Abs);
        var scale = max == 0 ? 1f : (float)(max / short.MaxValue);
        var quantised = new short[weights.Length];
        for (var i = 0; i < weights.Length; i++) quantised[i] = (short)Math.Clamp(Math.Round(weights[i] / scale), -short.MaxValue, short.MaxValue);
        return new LearnedModel(quantised, scale, (float)bias, threshold, corpusHash);
    }

    private static List<TrainingExample[]> Examples(IReadOnlyList<TrainingSample> samples)
    {
        var perClass = new[] { samples.Count(s => !s.IsAttack), samples.Count(s => s.IsAttack) };
        var groups = new List<TrainingExample[]>();
        var features = new List<int>();
        foreach (var sample in samples)
        {
            var buffer = new char[sample.Text.Length];
            var length = LearnedText.Normalize(sample.Text, buffer, out var facts);
            if (length == 0) continue;
            var windows = Math.Min(LearnedWindows.Count(length), MaxWindowsPerSample);
            // Each sample weighs the same whatever its length; each class weighs the same whatever its size.
            var weight = samples.Count / (2.0 * perClass[sample.IsAttack ? 1 : 0]);
            var examples = new List<TrainingExample>(windows);
            for (var i = 0; i < windows; i++)
            {
                // The windows the scorer does not read (not prose) teach nothing.
                var window = buffer.AsSpan(0, length)[LearnedWindows.Get(i, length)];
                if (!ProseGate.IsProse(window)) continue;
                features.Clear();
                var sink = new FeatureCollector(features);
                LearnedFeatures.Extract(window, facts, ref sink);
                examples.Add(new TrainingExample([.. features], 1 / Math.Sqrt(features.Count), sample.IsAttack ? 1 : 0, weight));
            }
            if (examples.Count > 0) groups.Add([.. examples.Select(e => e with { Weight = weight / examples.Count })]);
        }
        return groups;
    }

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
