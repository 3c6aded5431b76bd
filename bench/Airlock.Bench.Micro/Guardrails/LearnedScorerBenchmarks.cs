using Airlock.Guardrails.Injection.Learned;
using BenchmarkDotNet.Attributes;

namespace Airlock.Bench.Micro.Guardrails;

/// <summary>The learned injection model alone, on the guardrails' prompts: its share of every scan.</summary>
[MemoryDiagnoser]
public class LearnedScorerBenchmarks
{
    private readonly LearnedScorer _scorer = LearnedScorer.Default;

    [Benchmark]
    public double LearnedShortMessage() => _scorer.Probability(Prompts.ShortMessage);

    [Benchmark]
    public double LearnedBenign2K() => _scorer.Probability(Prompts.Benign2K);

    [Benchmark]
    public double LearnedInjection2K() => _scorer.Probability(Prompts.Injection2K);
}
