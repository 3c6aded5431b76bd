namespace Airlock.Install.Tests.Support;

[TestFixture]
public sealed class PromQlTests
{
    [Test]
    public void Metric_names_are_read_past_functions_groupings_matchers_and_ranges()
    {
        var names = PromQl.MetricNames(
            "histogram_quantile(0.99, sum by (name, le) (rate(workqueue_queue_duration_seconds_bucket{job=\"airlock-operator\",code=~\"5..\"}[5m]))) / clamp_min(sum(up), 1)");

        names.Should().BeEquivalentTo("workqueue_queue_duration_seconds", "up");
    }

    [Test]
    public void An_unknown_metric_is_reported()
    {
        PromQl.MetricNames("sum(rate(airlock_made_up_total[5m]))").Should().Equal("airlock_made_up_total");
    }
}
