using Airlock.Guardrails.Injection;
using Airlock.Guardrails.Tests.Evaluation;

namespace Airlock.Guardrails.Tests.Development;

/// <summary>
/// The development set (<c>development.attacks.txt</c>, <c>development.benign.txt</c>): attack families and benign
/// look-alikes written from public descriptions of injection benchmarks, for developing rules (and training the
/// word-pair model, so these rates are not estimates for unseen text). The tests print every miss and false alarm so a
/// rule change can be judged, and hold the measured rates: 97.7 % detected, 6.5 % false alarms. The second batch,
/// measured once before any tuning on it: 59 % detected (34 of 58), 9 % false alarms (4 of 43). With the separate
/// learned model (h-learn) merged: 98.9 % detected, 9.3 % false alarms (three short instruction-like sentences the model
/// alone flags); the bound is 10 % until that is dealt with.
/// </summary>
public class DevelopmentSetTests
{
    private readonly InjectionDetector _detector = new();

    private static IReadOnlyList<EvaluationSample> Attacks => DevelopmentSet.Attacks;
    private static IReadOnlyList<EvaluationSample> Benign => DevelopmentSet.Benign;

    [Test]
    public void Development_attacks_are_detected_at_least_95_percent()
    {
        var missed = Attacks.Where(s => !Verdict(s).IsInjection).ToList();
        foreach (var sample in missed) TestContext.Out.WriteLine($"missed {sample.Category} {Verdict(sample).Score:0.00}: {string.Join(" ||| ", sample.Messages)}");
        TestContext.Out.WriteLine($"development set: {Attacks.Count - missed.Count} of {Attacks.Count} attacks detected");

        (1 - ((double)missed.Count / Attacks.Count)).Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Test]
    public void Development_benign_texts_raise_at_most_10_percent_false_alarms()
    {
        var flagged = Benign.Where(s => Verdict(s).IsInjection).ToList();
        foreach (var sample in flagged) TestContext.Out.WriteLine($"flagged {sample.Category} {Verdict(sample).Score:0.00} {string.Join("; ", Verdict(sample).Reasons)}: {string.Join(" ||| ", sample.Messages)}");
        TestContext.Out.WriteLine($"development set: {flagged.Count} of {Benign.Count} benign texts flagged");

        ((double)flagged.Count / Benign.Count).Should().BeLessThanOrEqualTo(0.10);
    }

    private InjectionVerdict Verdict(EvaluationSample sample) =>
        sample.Messages.Count == 1 ? _detector.Analyze(sample.Messages[0]) : _detector.AnalyzeMessages(sample.Messages);

}
