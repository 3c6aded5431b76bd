using Airlock.Guardrails.Corpus;
using Airlock.Guardrails.Injection;

namespace Airlock.Guardrails.Redteam;

/// <summary>
/// Prompt fuzzing: every seed (attacks and benign look-alikes) goes through every mutation family, each round with fresh
/// random choices, and the detector's verdicts are tallied. The same seed and rounds give the same report.
/// </summary>
public static class RedteamRunner
{
    public static RedteamReport Run(RedteamOptions options, InjectionDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rounds < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Rounds, "rounds must be at least 1");
        detector ??= new InjectionDetector();
        var seeds = options.HeldOut
            ? EmbeddedCorpus.HeldOutAttacks.Concat(EmbeddedCorpus.HeldOutBenign).ToList()
            : EmbeddedCorpus.Attacks.Concat(EmbeddedCorpus.Benign).ToList();
        var families = MutationFamilies.All.ToDictionary(f => f, f => new FamilyTally(f), StringComparer.Ordinal);
        var overall = new FamilyTally("overall");
        var misses = new List<RedteamMiss>();
        for (var round = 0; round < options.Rounds; round++)
        {
            var random = new Random(unchecked((options.Seed * 7919) + round));
            foreach (var seed in seeds)
            {
                foreach (var family in MutationFamilies.All)
                {
                    if (round > 0 && family == MutationFamilies.Original) continue;
                    var sample = Mutator.Mutate(seed, family, random);
                    var verdict = sample.Messages.Count == 1 ? detector.Analyze(sample.Messages[0]) : detector.AnalyzeMessages(sample.Messages);
                    families[family].Record(sample.IsAttack, verdict.IsInjection);
                    overall.Record(sample.IsAttack, verdict.IsInjection);
                    if (verdict.IsInjection != sample.IsAttack) misses.Add(new RedteamMiss(family, string.Join(" | ", sample.Messages), sample.IsAttack, verdict.Score));
                }
            }
        }
        return new RedteamReport(options, [.. families.Values], overall, misses);
    }
}
