using System.Globalization;

namespace Airlock.Bench.Hosting;

/// <summary>Resident memory of a process, from <c>/proc/PID/status</c> (Linux).</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS in MiB, or null when the process is gone or /proc is unavailable.</summary>
    public static double? ResidentMegabytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }
        catch (IOException)
        {
            // The process exited.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to read.
        }
        return null;
    }
}
