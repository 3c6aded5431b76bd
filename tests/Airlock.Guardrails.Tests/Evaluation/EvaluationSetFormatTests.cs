namespace Airlock.Guardrails.Tests.Evaluation;

/// <summary>The evaluation-only set loads as written: enough samples, every placeholder decoded, messages split.</summary>
public class EvaluationSetFormatTests
{
    [Test]
    public void Evaluation_set_has_at_least_300_attacks_and_300_benign_texts()
    {
        EvaluationSet.Attacks.Count.Should().BeGreaterThanOrEqualTo(300);
        EvaluationSet.Benign.Count.Should().BeGreaterThanOrEqualTo(300);
    }

    [Test]
    public void Every_placeholder_is_replaced_by_its_encoding()
    {
        EvaluationSet.Attacks.Concat(EvaluationSet.Benign).SelectMany(s => s.Messages).Should().NotContain(m => m.Contains("{{b64:") || m.Contains("{{homo:"));
    }

    [Test]
    public void Nested_placeholders_are_encoded_innermost_first()
    {
        var sample = EvaluationSet.Parse("x\t{{b64:{{rev:ab}}}}", isAttack: true).Single();

        sample.Messages.Should().Equal(Convert.ToBase64String("ba"u8.ToArray()));
    }

    [Test]
    public void Triple_bars_split_a_sample_into_messages()
    {
        var sample = EvaluationSet.Parse("x\tone|||two", isAttack: true).Single();

        sample.Messages.Should().Equal("one", "two");
    }

    [Test]
    public void Escapes_become_the_characters_they_name()
    {
        var sample = EvaluationSet.Parse("x\t" + @"a\nb\u200bc\\n", isAttack: false).Single();

        sample.Messages.Single().Should().Be("a\nb\u200Bc\\n");
    }
}
