using Airlock.Api.Values;

namespace Airlock.Api.Tests.Values;

public class GoDurationTests
{
    [TestCase("30m", 1800)]
    [TestCase("1h30m", 5400)]
    [TestCase("1.5h", 5400)]
    [TestCase("90s", 90)]
    [TestCase("24h", 86400)]
    [TestCase("500ms", 0.5)]
    public void Parses_go_durations(string text, double seconds)
    {
        GoDuration.Parse(text).TotalSeconds.Should().Be(seconds);
    }

    [TestCase("")]
    [TestCase("1d")]
    [TestCase("-5m")]
    [TestCase("5")]
    [TestCase("m")]
    [TestCase("1h 30m")]
    [TestCase("99999999999999999999999999999h")]
    public void Refuses_anything_else(string text)
    {
        GoDuration.TryParse(text, out _).Should().BeFalse();
    }

    [TestCase(5400, "1h30m")]
    [TestCase(86400, "24h")]
    [TestCase(90, "1m30s")]
    [TestCase(0, "0s")]
    public void Formats_like_people_write_durations(int seconds, string expected)
    {
        GoDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }
}
