using Airlock.Guardrails.Corpus;
using Airlock.Guardrails.Injection;

namespace Airlock.Guardrails.Tests.Injection;

/// <summary>
/// The detector against the embedded corpora, unmutated. The seed split is what the rules were tuned on; the held-out
/// split was written before tuning and never tuned on, so its bounds are looser (figures in the guardrails report).
/// </summary>
public class CorpusTests
{
    private readonly InjectionDetector _detector = new();

    [Test]
    public void Seed_attacks_are_detected_at_least_95_percent()
    {
        Rate(EmbeddedCorpus.Attacks).Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Test]
    public void Seed_benign_look_alikes_raise_at_most_2_percent_false_alarms()
    {
        Rate(EmbeddedCorpus.Benign).Should().BeLessThanOrEqualTo(0.02);
    }

    [Test]
    public void Held_out_attacks_are_detected_at_least_90_percent()
    {
        Rate(EmbeddedCorpus.HeldOutAttacks).Should().BeGreaterThanOrEqualTo(0.9);
    }

    [Test]
    public void Held_out_benign_look_alikes_raise_at_most_5_percent_false_alarms()
    {
        Rate(EmbeddedCorpus.HeldOutBenign).Should().BeLessThanOrEqualTo(0.05);
    }

    [Test]
    public void Corpus_lines_without_a_family_are_rejected()
    {
        var parse = () => EmbeddedCorpus.Parse("no tab here", isAttack: true);

        parse.Should().Throw<FormatException>();
    }

    private double Rate(IReadOnlyList<CorpusEntry> entries) => (double)entries.Count(e => _detector.Analyze(e.Text).IsInjection) / entries.Count;
}
