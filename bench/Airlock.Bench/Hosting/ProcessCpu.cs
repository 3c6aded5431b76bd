using System.Diagnostics;
using System.Globalization;

namespace Airlock.Bench.Hosting;

/// <summary>
/// CPU time (user + system) of a process. On a shared machine wall-clock rates swing with everyone else's load; the CPU a
/// process spent on a fixed amount of work swings much less, so before/after comparisons use it.
/// </summary>
public static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux the harness runs on

    /// <summary>This process's CPU time so far.</summary>
    public static TimeSpan Current()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>CPU time of process <paramref name="pid"/> from <c>/proc/PID/stat</c> (null once it has exited).</summary>
    public static TimeSpan? Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
