namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// The model trained on the whole corpus, and how a model trained without the validation split did on it at the
/// chosen threshold (attacks detected, benign texts flagged).
/// </summary>
public sealed record LearnedTrainingResult(
    LearnedModel Model,
    int TrainingSamples,
    int ValidationAttacks,
    int ValidationDetected,
    int ValidationBenign,
    int ValidationFlagged);
