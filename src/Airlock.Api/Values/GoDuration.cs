using System.Globalization;
using System.Text.RegularExpressions;

namespace Airlock.Api.Values;

/// <summary>Go <c>time.Duration</c> strings (<c>30m</c>, <c>1h30m</c>, <c>1.5h</c>), as the API uses for timeouts and windows.</summary>
public static partial class GoDuration
{
    /// <summary>Parses a non-negative Go duration; false for anything else (signs, missing units, overflow).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || !Whole().IsMatch(text)) return false;
        decimal ticks = 0;
        foreach (Match part in Part().Matches(text))
        {
            // More than 20 digits overflows any duration (and decimal itself).
            if (part.Groups[1].Value.Length > 20) return false;
            var number = decimal.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            ticks += number * UnitTicks(part.Groups[2].Value);
            if (ticks > TimeSpan.MaxValue.Ticks) return false;
        }
        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for values that were validated already.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"\"{text}\" is not a Go duration (e.g. 30m, 1h30m)");

    /// <summary>Writes a duration the way people write them: <c>24h</c>, <c>1h30m</c>, <c>90s</c> becomes <c>1m30s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return "0s";
        var text = "";
        var hours = (long)duration.TotalHours;
        if (hours > 0) text += hours.ToString(CultureInfo.InvariantCulture) + "h";
        if (duration.Minutes > 0) text += duration.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        var seconds = duration.Seconds + (duration.Ticks % TimeSpan.TicksPerSecond / (decimal)TimeSpan.TicksPerSecond);
        if (seconds > 0) text += seconds.ToString("0.#########", CultureInfo.InvariantCulture) + "s";
        return text;
    }

    private static decimal UnitTicks(string unit) => unit switch
    {
        "ns" => 0.01m,
        "us" or "µs" => 10m,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        _ => TimeSpan.TicksPerHour,
    };

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();
}
