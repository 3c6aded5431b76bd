using Airlock.Bench.Egress;
using Airlock.Bench.Load;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Tests.Egress;

[NonParallelizable]
public sealed class EgressBenchmarkTests
{
    [Test]
    public async Task Egress_run_measures_requests_through_the_proxy_and_direct()
    {
        var figures = new Figures();

        await EgressBenchmark.RunAsync(figures, new HttpLoadOptions { Duration = TimeSpan.FromSeconds(0.2), Runs = 1 }, Progress.Silent,
            BuiltAirlock.StateDir("egress"), CancellationToken.None);

        figures.Get("egress.overhead_p50_ms").Should().NotBeNull().And.NotBe("nan");
        figures.Get("egress.direct_p50_ms").Should().NotBe("nan");
    }
}
