using System.Text;
using Airlock.Guardrails.Tests.Evaluation;

namespace Airlock.Guardrails.Tests.Development;

/// <summary>
/// The development set: attack families and benign look-alikes written from public descriptions of injection benchmarks
/// (two batches; the second was measured once before any rule was tuned on it). Rules and the word-pair model are
/// developed on it; the evaluation set only measures.
/// </summary>
public static class DevelopmentSet
{
    public static IReadOnlyList<EvaluationSample> Attacks { get; } = [.. Load("development.attacks.txt", isAttack: true), .. Load("development2.attacks.txt", isAttack: true)];
    public static IReadOnlyList<EvaluationSample> Benign { get; } = [.. Load("development.benign.txt", isAttack: false), .. Load("development2.benign.txt", isAttack: false)];

    private static IReadOnlyList<EvaluationSample> Load(string name, bool isAttack) =>
        EvaluationSet.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Development", name), Encoding.UTF8), isAttack);
}
