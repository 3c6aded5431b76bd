using Airlock.Guardrails.Injection;

namespace Airlock.Guardrails.Tests.Evaluation;

/// <summary>
/// The detector on the evaluation-only set, which it was never tuned on: it stands in for the unseen held-out set. The
/// set was written before the rework; measured then: 51.3 % of attacks detected, 5.1 % false alarms; after: 80.4 % and
/// 5.4 %; with the rules for meaning-level families and the word-pair model: 87.5 % and 5.4 % (see the guardrails
/// section of docs/threat-model.md). The bounds sit below those figures with a margin, so a regression fails here
/// while a rewording of one rule does not.
/// </summary>
public class EvaluationSetTests
{
    private readonly InjectionDetector _detector = new();

    [Test]
    public void Evaluation_attacks_are_detected_at_least_85_percent()
    {
        var detected = EvaluationSet.Attacks.Count(Flagged);
        TestContext.Out.WriteLine($"evaluation set: {detected} of {EvaluationSet.Attacks.Count} attacks detected ({100.0 * detected / EvaluationSet.Attacks.Count:0.0} %)");

        ((double)detected / EvaluationSet.Attacks.Count).Should().BeGreaterThanOrEqualTo(0.85);
    }

    [Test]
    public void Evaluation_benign_texts_raise_at_most_6_5_percent_false_alarms()
    {
        var flagged = EvaluationSet.Benign.Where(Flagged).ToList();
        TestContext.Out.WriteLine($"evaluation set: {flagged.Count} of {EvaluationSet.Benign.Count} benign texts flagged ({100.0 * flagged.Count / EvaluationSet.Benign.Count:0.0} %)");

        ((double)flagged.Count / EvaluationSet.Benign.Count).Should().BeLessThanOrEqualTo(0.065);
    }

    private bool Flagged(EvaluationSample sample) =>
        (sample.Messages.Count == 1 ? _detector.Analyze(sample.Messages[0]) : _detector.AnalyzeMessages(sample.Messages)).IsInjection;
}
