using System.Globalization;
using Airlock.Guardrails.Injection.Learned;

// Trains the learned prompt-injection model from the committed corpus and writes it where the guardrails embed it.
// Usage: airlock-train-guardrails [REPO_ROOT]   (default: the current directory)
var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
string[] corpus = [Path.Combine(root, "training", "injection"), Path.Combine(root, "src", "Airlock.Guardrails", "Corpus")];
var output = Path.Combine(root, "src", "Airlock.Guardrails", "Injection", "Learned", "injection-model.bin");

var samples = TrainingCorpus.Load([.. corpus.Where(Directory.Exists)]);
var result = LearnedTrainer.Train(samples);
var bytes = result.Model.Serialize();
await File.WriteAllBytesAsync(output, bytes);

var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant, $"samples={result.TrainingSamples} attacks={samples.Count(s => s.IsAttack)} benign={samples.Count(s => !s.IsAttack)}"));
Console.WriteLine(string.Create(invariant, $"validation: {result.ValidationDetected}/{result.ValidationAttacks} attacks detected, {result.ValidationFlagged}/{result.ValidationBenign} benign flagged at threshold {result.Model.Threshold:0.000}"));
Console.WriteLine(string.Create(invariant, $"model: {result.Model.NonZeroWeights} non-zero weights, {bytes.Length} bytes, corpus sha256 {result.Model.CorpusSha256} -> {Path.GetRelativePath(root, output)}"));
