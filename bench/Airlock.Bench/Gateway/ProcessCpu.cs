using System.Globalization;

namespace Airlock.Bench.Gateway;

/// <summary>
/// CPU time a process (and, optionally, its direct children, such as nginx's workers) has used, from <c>/proc</c> (Linux). CPU
/// per call is a steadier figure than latency on a shared machine: it does not count the time a process waited for a core.
/// </summary>
public static class ProcessCpu
{
    private static readonly double SecondsPerTick = 1.0 / 100; // USER_HZ, 100 on every Linux the harness runs on

    /// <summary>User plus system seconds, or null when /proc cannot be read.</summary>
    public static double? Seconds(int pid, bool withChildren = false)
    {
        if (Read(pid) is not { } own) return null;
        var total = own.Ticks;
        if (withChildren)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var child) || child == pid) continue;
                if (Read(child) is { } stat && stat.Parent == pid) total += stat.Ticks;
            }
        }
        return total * SecondsPerTick;
    }

    private static (int Parent, long Ticks)? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; the fields after it start past its closing parenthesis.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (parent, ticks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
