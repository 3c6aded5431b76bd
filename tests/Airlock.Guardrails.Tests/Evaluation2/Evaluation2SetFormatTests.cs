using System.Text.RegularExpressions;
using Airlock.Guardrails.Tests.Evaluation;

namespace Airlock.Guardrails.Tests.Evaluation2;

/// <summary>The second evaluation-only set loads as written and covers what it claims to cover.</summary>
public partial class Evaluation2SetFormatTests
{
    private static IEnumerable<EvaluationSample> All => Evaluation2Set.Attacks.Concat(Evaluation2Set.Benign);

    [GeneratedRegex(@"\{\{(b64|hex|rot13|url|homo|greek|zw|rlo|full|bold|spaced|tag|rev):")]
    private static partial Regex LeftoverPlaceholder();

    [Test]
    public void Set_has_at_least_400_attacks()
    {
        Evaluation2Set.Attacks.Count.Should().BeGreaterThanOrEqualTo(400);
    }

    [Test]
    public void Set_has_at_least_400_benign_texts()
    {
        Evaluation2Set.Benign.Count.Should().BeGreaterThanOrEqualTo(400);
    }

    [Test]
    public void Every_placeholder_is_replaced_by_its_encoding()
    {
        All.SelectMany(s => s.Messages).Should().NotContain(m => LeftoverPlaceholder().IsMatch(m));
    }

    [Test]
    public void Every_attack_category_belongs_to_a_known_attack_family()
    {
        Evaluation2Set.Attacks.Select(s => Evaluation2Set.Family(s.Category)).Distinct().Should().BeSubsetOf(Evaluation2Set.AttackFamilies);
    }

    [Test]
    public void Every_benign_category_belongs_to_a_known_benign_family()
    {
        Evaluation2Set.Benign.Select(s => Evaluation2Set.Family(s.Category)).Distinct().Should().BeSubsetOf(Evaluation2Set.BenignFamilies);
    }

    [Test]
    public void Every_attack_family_has_at_least_ten_samples()
    {
        var counts = Evaluation2Set.Attacks.GroupBy(s => Evaluation2Set.Family(s.Category)).ToDictionary(g => g.Key, g => g.Count());

        Evaluation2Set.AttackFamilies.Should().OnlyContain(f => counts.GetValueOrDefault(f) >= 10);
    }

    [Test]
    public void Multilingual_attacks_span_at_least_12_languages()
    {
        Languages(Evaluation2Set.Attacks).Should().HaveCountGreaterThanOrEqualTo(12);
    }

    [Test]
    public void Multilingual_benign_texts_span_at_least_12_languages()
    {
        Languages(Evaluation2Set.Benign).Should().HaveCountGreaterThanOrEqualTo(12);
    }

    [Test]
    public void At_least_a_third_of_each_set_is_200_to_1500_characters_long()
    {
        static double Share(IReadOnlyList<EvaluationSample> set) =>
            (double)set.Count(s => s.Messages.Sum(m => m.Length) is >= 200 and <= 1500) / set.Count;

        Share(Evaluation2Set.Attacks).Should().BeGreaterThanOrEqualTo(1.0 / 3);
        Share(Evaluation2Set.Benign).Should().BeGreaterThanOrEqualTo(1.0 / 3);
    }

    [Test]
    public void Both_sets_hold_samples_split_across_messages()
    {
        Evaluation2Set.Attacks.Count(s => s.Messages.Count > 1).Should().BeGreaterThanOrEqualTo(10);
        Evaluation2Set.Benign.Count(s => s.Messages.Count > 1).Should().BeGreaterThanOrEqualTo(10);
    }

    [Test]
    public void Both_sets_hold_invisible_or_bidi_characters()
    {
        static int WithInvisible(IEnumerable<EvaluationSample> set) =>
            set.Count(s => s.Messages.Any(m => m.Any(c => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u202E' or '\u2066' or '\u2067' or '\uFEFF' or '\uDB40')));

        WithInvisible(Evaluation2Set.Attacks).Should().BeGreaterThanOrEqualTo(15);
        WithInvisible(Evaluation2Set.Benign).Should().BeGreaterThanOrEqualTo(5);
    }

    [Test]
    public void No_text_appears_twice_or_on_both_sides()
    {
        var texts = All.Select(s => string.Join("|||", s.Messages)).ToList();

        texts.Should().OnlyHaveUniqueItems();
    }

    private static IReadOnlyList<string> Languages(IEnumerable<EvaluationSample> set) =>
        set.Where(s => Evaluation2Set.Family(s.Category) == "multilingual").Select(s => Evaluation2Set.Detail(s.Category)).Where(d => d.Length > 0).Distinct().ToList();
}
