namespace Airlock.Guardrails.Injection.Learned;

/// <summary>AdaGrad on the logistic loss with a little L2, one example at a time, over the hashed weight table.</summary>
internal sealed class Optimiser(LearnedTrainingOptions options)
{
    private readonly double[] _squares = new double[1 << LearnedModel.Bits];
    private double _biasSquares;

    public double[] Weights { get; } = new double[1 << LearnedModel.Bits];

    public double Bias { get; private set; }

    public double Margin(TrainingExample example)
    {
        var margin = Bias;
        foreach (var feature in example.Features) margin += Sign(feature) * Weights[feature >> 1] * example.Scale;
        return margin;
    }

    public void Step(TrainingExample example)
    {
        var gradient = (LearnedScorer.Sigmoid(Margin(example)) - example.Label) * example.Weight;
        foreach (var feature in example.Features)
        {
            var bucket = feature >> 1;
            var g = (gradient * Sign(feature) * example.Scale) + (options.L2 * Weights[bucket]);
            _squares[bucket] += g * g;
            Weights[bucket] -= options.LearningRate * g / (Math.Sqrt(_squares[bucket]) + 1e-8);
        }
        _biasSquares += gradient * gradient;
        Bias -= options.LearningRate * gradient / (Math.Sqrt(_biasSquares) + 1e-8);
    }

    private static double Sign(int feature) => (feature & 1) == 0 ? 1 : -1;
}
