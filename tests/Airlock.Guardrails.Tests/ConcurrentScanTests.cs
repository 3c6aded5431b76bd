using Airlock.Guardrails.Corpus;

namespace Airlock.Guardrails.Tests;

/// <summary>The gateway scans requests in parallel on one shared scanner: verdicts do not depend on what runs beside them.</summary>
public class ConcurrentScanTests
{
    [Test]
    public void Parallel_scans_give_the_verdicts_of_sequential_ones()
    {
        var texts = EmbeddedCorpus.Attacks.Concat(EmbeddedCorpus.Benign).Select(e => e.Text).ToList();
        var sequential = texts.Select(t => GuardrailScanner.Default.Scan(t).Score).ToList();

        var parallel = new double[texts.Count * 4];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = GuardrailScanner.Default.Scan(texts[i % texts.Count]).Score);

        parallel.Should().Equal(Enumerable.Repeat(sequential, 4).SelectMany(s => s));
    }
}
