namespace Airlock.Bench.Hosting;

/// <summary>Where the built <c>bin/airlock</c> is: <c>$AIRLOCK_BIN</c>, else <c>bin/airlock</c> above the working directory or the bench binary.</summary>
public static class AirlockBinary
{
    public static string Locate(string? explicitPath = null)
    {
        if (explicitPath is { Length: > 0 }) return Require(Path.GetFullPath(explicitPath));
        if (Environment.GetEnvironmentVariable("AIRLOCK_BIN") is { Length: > 0 } fromEnv) return Require(Path.GetFullPath(fromEnv));
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bin", "airlock");
                if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Operator.sln"))) return candidate;
            }
        }
        throw new FileNotFoundException("bin/airlock not found: run `make build` or set AIRLOCK_BIN");
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} does not exist: run `make build` or fix AIRLOCK_BIN");
}
