namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// How the model is trained. Every field is fixed by default, so the same corpus always gives the same model: one sample
/// in <see cref="ValidationOneIn"/> (chosen by a hash of its text) is held back to choose the threshold at which at most
/// <see cref="MaxFalseAlarmRate"/> of the held-back benign texts are flagged.
/// </summary>
public sealed record LearnedTrainingOptions
{
    public int Epochs { get; init; } = 12;

    public double LearningRate { get; init; } = 0.3;

    public double L2 { get; init; } = 1e-6;

    public int ValidationOneIn { get; init; } = 5;

    public double MaxFalseAlarmRate { get; init; } = 0.02;

    /// <summary>The threshold never goes below this, however clean the validation split looks.</summary>
    public double MinThreshold { get; init; } = 0.5;

    public uint Seed { get; init; } = 0x5EED_2026;
}
