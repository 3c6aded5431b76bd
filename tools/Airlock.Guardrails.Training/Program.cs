using System.Globalization;
using Airlock.Guardrails.Injection.Learned;

// Trains the learned prompt-injection model from the committed corpus and writes it where the guardrails embed it.
// Usage: airlock-train-guardrails [REPO_ROOT]   (default: the current directory)
var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
string[] corpus = [Path.Combine(root, "training", "injection"), Path.Combine(root, "src", "Airlock.Guardrails", "Corpus")];
var output = Path.Combine(root, "src", "Airlock.Guardrails", "Injection", "Learned", "injection-model.bin");

var samples = TrainingCorpus.Load([.. corpus.Where(Directory.Exists)]);
if (args.Length > 1 && args[1] == "--sweep")
{
    // Development aid: validation figures for a few settings, nothing written.
    foreach (var epochs in new[] { 12, 24 })
    {
        foreach (var l2 in new[] { 1e-6, 1e-5, 1e-4 })
        {
            var trial = LearnedTrainer.Train(samples, new LearnedTrainingOptions { Epochs = epochs, LearningRate = 0.1, L2 = l2 });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epochs={epochs} l2={l2}: {trial.ValidationDetected}/{trial.ValidationAttacks} detected, {trial.ValidationFlagged}/{trial.ValidationBenign} flagged, threshold {trial.Model.Threshold:0.000}"));
        }
    }
    return;
}
var result = LearnedTrainer.Train(samples);
var bytes = result.Model.Serialize();
await File.WriteAllBytesAsync(output, bytes);

var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant, $"samples={result.TrainingSamples} attacks={samples.Count(s => s.IsAttack)} benign={samples.Count(s => !s.IsAttack)}"));
Console.WriteLine(string.Create(invariant, $"cross-validated: {result.ValidationDetected}/{result.ValidationAttacks} attacks detected, {result.ValidationFlagged}/{result.ValidationBenign} benign flagged at threshold {result.Model.Threshold:0.000}"));
Console.WriteLine(string.Create(invariant, $"model: {result.Model.NonZeroWeights} non-zero weights, {bytes.Length} bytes, corpus sha256 {result.Model.CorpusSha256} -> {Path.GetRelativePath(root, output)}"));
