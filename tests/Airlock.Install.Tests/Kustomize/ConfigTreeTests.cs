using Airlock.Install.Tests.Support;
using Airlock.Testing;

namespace Airlock.Install.Tests.Kustomize;

/// <summary>config/ is the chart rendered into kubebuilder's folders; these tests fail when it is stale.</summary>
[TestFixture]
public sealed class ConfigTreeTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Generated = new(ConfigTree.Generate);

    private static IEnumerable<TestCaseData> Files() =>
        Generated.Value.Keys.Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    [TestCaseSource(nameof(Files))]
    public void Generated_file_is_current(string path)
    {
        Golden.Match(path, Generated.Value[path]);
    }

    [Test]
    public void Generated_folders_hold_no_stale_files()
    {
        var onDisk = ConfigTree.Folders
            .SelectMany(f => Directory.Exists(Golden.RepoPath($"config/{f}"))
                ? Directory.GetFiles(Golden.RepoPath($"config/{f}"), "*", SearchOption.AllDirectories)
                : [])
            .Select(p => Path.GetRelativePath(TestPaths.RepositoryRoot, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("config/prometheus/", StringComparison.Ordinal) || p.StartsWith("config/prometheus/monitor/", StringComparison.Ordinal));
        if (Golden.Updating)
        {
            foreach (var stale in onDisk.Except(Generated.Value.Keys).ToList()) File.Delete(Golden.RepoPath(stale));
            return;
        }

        onDisk.Should().BeSubsetOf(Generated.Value.Keys, "run the tests with UPDATE_GOLDEN=1 to remove files the chart no longer renders");
    }

    [Test]
    public void Crd_bases_are_the_generated_crds()
    {
        var crds = Directory.GetFiles(Golden.RepoPath("crds"), "*.yaml").Select(Path.GetFileName);

        Generated.Value.Keys.Where(k => k.StartsWith("config/crd/bases/", StringComparison.Ordinal)).Select(Path.GetFileName)
            .Should().BeEquivalentTo(crds);
    }
}
