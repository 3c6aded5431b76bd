namespace Airlock.Guardrails.Injection.Learned;

/// <summary>
/// The model trained on the whole corpus, and the cross-validated figures at the chosen threshold: each sample scored by
/// a model that did not see it (attacks detected, benign texts flagged).
/// </summary>
public sealed record LearnedTrainingResult(
    LearnedModel Model,
    int TrainingSamples,
    int ValidationAttacks,
    int ValidationDetected,
    int ValidationBenign,
    int ValidationFlagged);
