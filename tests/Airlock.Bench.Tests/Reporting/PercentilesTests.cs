using Airlock.Bench.Reporting;

namespace Airlock.Bench.Tests.Reporting;

public sealed class PercentilesTests
{
    [Test]
    public void Nearest_rank_p99_of_a_hundred_samples_is_the_ninety_ninth()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        Percentiles.Of(samples, 99).Should().Be(99);
    }

    [Test]
    public void Median_of_an_odd_count_is_the_middle_sample()
    {
        Percentiles.Median([5.0, 1.0, 3.0]).Should().Be(3);
    }

    [Test]
    public void Percentile_of_no_samples_is_not_a_number()
    {
        double.IsNaN(Percentiles.Of([], 50)).Should().BeTrue();
    }
}
