using Airlock.Guardrails.Corpus;
using Airlock.Guardrails.Injection;
using Airlock.Guardrails.Tests.Evaluation;

namespace Airlock.Guardrails.Tests.Development.Training;

/// <summary>
/// Writes the word-pair model's training data (label and skeleton view per line): the seed corpora and the development
/// set, never the evaluation or held-out sets. Run by hand before train_word_pair_model.py:
/// <c>AIRLOCK_TRAINING_TSV=/tmp/train.tsv dotnet test --filter FullyQualifiedName~TrainingDataExport</c>.
/// </summary>
[Explicit("writes the model's training data; run by hand before retraining")]
public class TrainingDataExport
{
    [Test]
    public void Training_data_is_written_to_the_given_path()
    {
        var path = Environment.GetEnvironmentVariable("AIRLOCK_TRAINING_TSV");
        Assume.That(path, Is.Not.Null.And.Not.Empty, "set AIRLOCK_TRAINING_TSV");
        var rows = EmbeddedCorpus.Attacks.Concat(EmbeddedCorpus.Benign).Select(e => Row(e.IsAttack, e.Text))
            .Concat(DevelopmentSet.Attacks.Concat(DevelopmentSet.Benign).Select(s => Row(s.IsAttack, string.Join(' ', s.Messages))))
            .ToList();

        File.WriteAllLines(path!, rows);

        File.ReadAllLines(path!).Should().HaveCount(rows.Count);
    }

    private static string Row(bool attack, string text) =>
        $"{(attack ? 1 : 0)}\t{TextViews.Build(text).Skeleton.Replace('\t', ' ').Replace('\n', ' ')}";
}
