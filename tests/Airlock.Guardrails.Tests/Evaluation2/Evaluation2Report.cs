using Airlock.Guardrails.Injection;
using Airlock.Guardrails.Tests.Evaluation;

namespace Airlock.Guardrails.Tests.Evaluation2;

/// <summary>Runs the detector over a set of samples the way the first evaluation set does and tallies the flags per family or category.</summary>
public sealed class Evaluation2Report
{
    private readonly InjectionDetector _detector = new();

    public bool Flagged(EvaluationSample sample) =>
        (sample.Messages.Count == 1 ? _detector.Analyze(sample.Messages[0]) : _detector.AnalyzeMessages(sample.Messages)).IsInjection;

    /// <summary>Flagged count and total per group (family or full category), groups in name order.</summary>
    public IReadOnlyList<(string Group, int Flagged, int Total)> PerGroup(IEnumerable<EvaluationSample> samples, Func<string, string> groupOfCategory) =>
        samples.GroupBy(s => groupOfCategory(s.Category))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(Flagged), g.Count()))
            .ToList();

    public static void Print(TextWriter writer, string title, IReadOnlyList<(string Group, int Flagged, int Total)> rows)
    {
        var flagged = rows.Sum(r => r.Flagged);
        var total = rows.Sum(r => r.Total);
        writer.WriteLine($"{title}: {flagged} of {total} flagged ({Percent(flagged, total)})");
        foreach (var (group, count, all) in rows)
            writer.WriteLine($"  {group,-26} {count,4} of {all,4}  {Percent(count, all)}");
    }

    public static string Percent(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:0.0} %";
}
