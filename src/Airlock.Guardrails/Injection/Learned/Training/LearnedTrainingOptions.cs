namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// How the model is trained. Every field is fixed by default, so the same corpus always gives the same model. The
/// corpus is split into <see cref="Folds"/> folds by a hash of each text; each fold is scored by a model trained on the
/// others, and the threshold is where at most <see cref="MaxFalseAlarmRate"/> of those held-back benign scores reach it.
/// </summary>
public sealed record LearnedTrainingOptions
{
    public int Epochs { get; init; } = 16;

    public double LearningRate { get; init; } = 0.1;

    public double L2 { get; init; } = 1e-4;

    public int Folds { get; init; } = 5;

    public double MaxFalseAlarmRate { get; init; } = 0.01;

    /// <summary>The threshold never goes below this, however clean the validation split looks.</summary>
    public double MinThreshold { get; init; } = 0.5;

    public uint Seed { get; init; } = 0x5EED_2026;
}
