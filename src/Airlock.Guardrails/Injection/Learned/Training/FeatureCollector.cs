namespace Airlock.Guardrails.Injection.Learned;

/// <summary>Collects a window's features as bucket·2 + sign bit, for training.</summary>
internal struct FeatureCollector(List<int> features) : IFeatureSink
{
    public readonly void Add(uint hash)
    {
        var bucket = LearnedFeatures.Bucket(hash, LearnedModel.Bits, out var sign);
        features.Add((bucket << 1) | (sign < 0 ? 1 : 0));
    }
}
