using Airlock.Guardrails.Corpus;
using Airlock.Guardrails.Injection;
using Airlock.Guardrails.Redteam;
using Airlock.Guardrails.Tests.Evaluation;

namespace Airlock.Guardrails.Tests.Injection;

/// <summary>
/// The prescan and the rule gates only skip work: every verdict is the one of running every rule, decoder and repair on
/// every text. Checked over the corpora, their disguises and the evaluation set.
/// </summary>
public class GateEquivalenceTests
{
    private static IEnumerable<string> Texts()
    {
        var random = new Random(7);
        var seeds = EmbeddedCorpus.Attacks.Concat(EmbeddedCorpus.Benign).Concat(EmbeddedCorpus.HeldOutAttacks).Concat(EmbeddedCorpus.HeldOutBenign);
        foreach (var seed in seeds)
        {
            foreach (var family in MutationFamilies.All) yield return string.Join(' ', Mutator.Mutate(seed, family, random).Messages);
        }
        foreach (var sample in EvaluationSet.Attacks.Concat(EvaluationSet.Benign)) yield return string.Join(' ', sample.Messages);
    }

    [Test]
    public void Gated_scores_equal_the_scores_of_running_everything()
    {
        var differences = Texts()
            .Select(text => (Text: text, Gated: Score(SignalCollector.Collect(text, 0)), Full: Score(SignalCollector.Collect(text, 0, gated: false))))
            .Where(r => r.Gated != r.Full)
            .Select(r => $"{r.Gated} != {r.Full}: {r.Text}")
            .ToList();

        differences.Should().BeEmpty();
    }

    [Test]
    public void Prose_without_any_trigger_is_decided_by_the_prescan_alone()
    {
        SignalCollector.Collect("Thanks! Could you also add a test for the case where the discount rate is exactly zero?", 0).Should().BeNull();
    }

    private static double Score(SignalSet? signals) => Math.Round(signals?.Score ?? 0, 3);
}
