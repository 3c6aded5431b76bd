namespace Airlock.Guardrails.Tests.Learned;

/// <summary>The checkout the tests run from, found by walking up to Operator.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Operator.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Operator.sln not found above the test directory");
    }
}
