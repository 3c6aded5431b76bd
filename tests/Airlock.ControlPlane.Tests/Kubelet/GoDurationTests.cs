using Airlock.ControlPlane.Kubelet;

namespace Airlock.ControlPlane.Tests.Kubelet;

public class GoDurationTests
{
    [TestCase("500ms", 500)]
    [TestCase("2s", 2000)]
    [TestCase("1m30s", 90_000)]
    [TestCase("1h", 3_600_000)]
    [TestCase("1.5h", 5_400_000)]
    [TestCase("0.3s", 300)]
    [TestCase(".5s", 500)]
    [TestCase("1h2m3s4ms", 3_723_004)]
    [TestCase("0", 0)]
    [TestCase("+2s", 2000)]
    public void Parses_go_durations(string text, long milliseconds)
    {
        GoDuration.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [TestCase("1500us", 15_000)]
    [TestCase("1500\u00b5s", 15_000)]
    [TestCase("1500\u03bcs", 15_000)]
    [TestCase("250ns", 2)]
    public void Parses_sub_millisecond_units_to_ticks(string text, long ticks)
    {
        GoDuration.TryParse(text, out var duration).Should().BeTrue();
        duration.Ticks.Should().Be(ticks);
    }

    [Test]
    public void Negative_durations_keep_their_sign()
    {
        GoDuration.TryParse("-1m", out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromMinutes(-1));
    }

    [TestCase("")]
    [TestCase(null)]
    [TestCase("5")]
    [TestCase("s")]
    [TestCase("1d")]
    [TestCase("1.2.3s")]
    [TestCase("1 s")]
    [TestCase("-")]
    [TestCase("1s2")]
    [TestCase("99999999999999999999999999999h")]
    public void Rejects_what_go_rejects(string? text) => GoDuration.TryParse(text, out _).Should().BeFalse();
}
