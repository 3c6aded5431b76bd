using Airlock.Testing;

namespace Airlock.Install.Tests.Support;

/// <summary>Compares text with a checked-in file; UPDATE_GOLDEN=1 rewrites the file instead.</summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>Asserts that the file at a repository-relative path holds exactly <paramref name="actual"/>.</summary>
    public static void Match(string relativePath, string actual)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, relativePath);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }
        File.Exists(path).Should().BeTrue($"{relativePath} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            Assert.Fail($"{relativePath} is stale; run the tests with UPDATE_GOLDEN=1 and review the diff.\n{FirstDifference(expected, actual)}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right) return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
        }
        return "";
    }

    public static string RepoPath(string relativePath) => Path.Combine(TestPaths.RepositoryRoot, relativePath);
}
