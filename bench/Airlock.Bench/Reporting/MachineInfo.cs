using System.Runtime;
using System.Runtime.InteropServices;

namespace Airlock.Bench.Reporting;

/// <summary>What the figures were measured on: printed first, so every figure travels with its machine.</summary>
public static class MachineInfo
{
    public static void AddTo(Figures figures)
    {
        figures.Add("machine.cores", Environment.ProcessorCount);
        figures.Add("machine.cpu", CpuModel());
        figures.Add("machine.memory_gb", Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1));
        figures.Add("machine.os", RuntimeInformation.OSDescription);
        figures.Add("machine.runtime", RuntimeInformation.FrameworkDescription);
        figures.Add("machine.gc", GCSettings.IsServerGC ? "server" : "workstation");
        figures.Add("machine.loadavg_at_start", LoadAverage());
        figures.Add("machine.date", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The 1-minute load average (other work on a shared machine shows here, and in every figure).</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
