using System.Globalization;
using System.Text;

namespace Airlock.Guardrails.Redteam;

/// <summary>The outcome of a red-team run: rates per mutation family and overall, the misses, and whether it passes.</summary>
public sealed record RedteamReport(RedteamOptions Options, IReadOnlyList<FamilyTally> Families, FamilyTally Overall, IReadOnlyList<RedteamMiss> Misses)
{
    public bool Passes => Overall.DetectionRate >= Options.MinDetection && Overall.FalseAlarmRate <= Options.MaxFalseAlarms;

    public string Format(int maxMisses = 10)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"redteam seed={Options.Seed} rounds={Options.Rounds} corpus={(Options.HeldOut ? "held-out" : "seed")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"family",-14} {"attacks",8} {"detected",9} {"benign",7} {"false alarms",13}");
        foreach (var tally in Families.Append(Overall)) text.AppendLine(Row(tally));
        foreach (var miss in Misses.Take(maxMisses))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {(miss.IsAttack ? "missed" : "false alarm")} [{miss.Family}] {miss.Score:0.00} {Shorten(miss.Text)}");
        text.Append(CultureInfo.InvariantCulture, $"{(Passes ? "PASS" : "FAIL")}: detection {Overall.DetectionRate:P1} (min {Options.MinDetection:P0}), false alarms {Overall.FalseAlarmRate:P1} (max {Options.MaxFalseAlarms:P0})");
        return text.ToString();
    }

    private static string Row(FamilyTally t) => string.Create(CultureInfo.InvariantCulture,
        $"{t.Family,-14} {t.Attacks,8} {t.DetectionRate,9:P1} {t.Benign,7} {t.FalseAlarmRate,13:P1}");

    private static string Shorten(string text)
    {
        var oneLine = text.Replace('\n', ' ');
        return oneLine.Length <= 80 ? oneLine : oneLine[..77] + "...";
    }
}
