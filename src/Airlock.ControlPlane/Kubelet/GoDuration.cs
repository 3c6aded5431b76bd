using System.Globalization;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>Parses Go <c>time.ParseDuration</c> strings (<c>500ms</c>, <c>2s</c>, <c>1m30s</c>, <c>1.5h</c>, <c>-3s</c>).</summary>
public static class GoDuration
{
    // Longest units first so "ms" is not read as "m" followed by garbage.
    private static readonly (string Unit, decimal Ticks)[] Units =
    [
        ("ns", 0.01m),
        ("us", TimeSpan.TicksPerMicrosecond),
        ("\u00b5s", TimeSpan.TicksPerMicrosecond),
        ("\u03bcs", TimeSpan.TicksPerMicrosecond),
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>True and the duration when <paramref name="text"/> is a valid Go duration; sub-tick parts are truncated.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        try
        {
            return TryParseCore(text, out duration);
        }
        catch (OverflowException)
        {
            duration = TimeSpan.Zero;
            return false;
        }
    }

    private static bool TryParseCore(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text)) return false;
        var s = text.AsSpan();
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        // Go accepts a bare "0" (with optional sign) and nothing else without a unit.
        if (s is "0") return true;
        if (s.IsEmpty) return false;

        decimal ticks = 0;
        while (!s.IsEmpty)
        {
            var numberLength = 0;
            var digits = 0;
            var dots = 0;
            while (numberLength < s.Length && (char.IsAsciiDigit(s[numberLength]) || s[numberLength] == '.'))
            {
                if (s[numberLength] == '.') dots++;
                else digits++;
                numberLength++;
            }
            if (digits == 0 || dots > 1) return false;
            var number = decimal.Parse(s[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            s = s[numberLength..];

            var unitTicks = -1m;
            foreach (var (unit, unitSize) in Units)
            {
                if (s.StartsWith(unit, StringComparison.Ordinal))
                {
                    unitTicks = unitSize;
                    s = s[unit.Length..];
                    break;
                }
            }
            if (unitTicks < 0) return false;
            ticks += number * unitTicks;
        }
        if (ticks > TimeSpan.MaxValue.Ticks) return false;
        duration = TimeSpan.FromTicks((long)decimal.Truncate(ticks));
        if (negative) duration = -duration;
        return true;
    }
}
