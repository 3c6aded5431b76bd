using System.Globalization;

namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// Adds the learned model to the rules' verdict as one more, independent family of evidence. Below the model's own
/// threshold (chosen so that at most 2 % of the validation split's benign texts reach it) the model adds nothing; at the
/// threshold it counts 0.5, enough on its own to flag at the detector's default threshold, rising to 0.95 at
/// probability 1. Combined as the families are: 1 − (1 − rules)(1 − model).
/// </summary>
internal static class LearnedEvidence
{
    private const double AtThreshold = 0.5;
    private const double AtCertainty = 0.95;

    public static InjectionVerdict Combine(InjectionVerdict rules, string text, double detectorThreshold, LearnedScorer scorer)
    {
        var probability = scorer.Probability(text);
        var strength = Strength(probability, scorer.Model.Threshold);
        if (strength <= 0) return rules;
        var score = Math.Round(1 - ((1 - rules.Score) * (1 - strength)), 3);
        var reason = string.Create(CultureInfo.InvariantCulture, $"learned model: {probability:0.00}");
        return new InjectionVerdict(score >= detectorThreshold, score, [.. rules.Reasons, reason]);
    }

    public static double Strength(double probability, double modelThreshold)
    {
        if (probability < modelThreshold) return 0;
        var above = modelThreshold >= 1 ? 1 : (probability - modelThreshold) / (1 - modelThreshold);
        return AtThreshold + ((AtCertainty - AtThreshold) * above);
    }
}
