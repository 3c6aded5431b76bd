using Airlock.Bench.Hosting;

namespace Airlock.Bench.Tests;

/// <summary>The built bin/airlock the harness starts operators from; tests needing it are ignored when it is not built.</summary>
public static class BuiltAirlock
{
    public static string Require()
    {
        try
        {
            return AirlockBinary.Locate();
        }
        catch (FileNotFoundException e)
        {
            Assert.Ignore(e.Message);
            throw;
        }
    }

    public static string StateDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "airlock-bench-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
