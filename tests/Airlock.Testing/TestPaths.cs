namespace Airlock.Testing;

/// <summary>Where the repository and its built CLI are, for tests that run real binaries.</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding Operator.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>bin/airlock, or $AIRLOCK_BIN.</summary>
    public static string AirlockBinary =>
        Environment.GetEnvironmentVariable("AIRLOCK_BIN") is { Length: > 0 } bin ? bin : Path.Combine(RepositoryRoot, "bin", "airlock");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Operator.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Operator.sln not found above " + AppContext.BaseDirectory);
    }
}
