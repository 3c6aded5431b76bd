using Airlock.Api.Serialization;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using Airlock.Testing;

namespace Airlock.Operator.Tests.Sandbox;

/// <summary>
/// testassets/&lt;case&gt;/task.yaml → expected.yaml (every child, multi-document). Run with UPDATE_GOLDEN=1 to rewrite the
/// expected files after an intended change, then read the diff.
/// </summary>
public class AgentTaskSandboxGoldenTests
{
    private static readonly string Assets = Path.Combine(TestPaths.RepositoryRoot, "tests", "Airlock.Operator.Tests", "testassets");

    public static IEnumerable<string> Cases() =>
        Directory.GetDirectories(Assets).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Cases))]
    public void Build_matches_golden_file(string name)
    {
        var folder = Path.Combine(Assets, name);
        var task = Tasks.FromYaml(File.ReadAllText(Path.Combine(folder, "task.yaml")));
        var settings = new SandboxSettings { Clock = new FixedClock(FixedClock.GoldenNow) };

        var actual = ManifestYaml.SerializeAll(AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, settings).All);

        var expectedPath = Path.Combine(folder, "expected.yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(expectedPath, actual);
        File.Exists(expectedPath).Should().BeTrue($"{expectedPath} is missing; run with UPDATE_GOLDEN=1 to create it");
        actual.Should().Be(File.ReadAllText(expectedPath), $"the children of {name} changed; if intended, rerun with UPDATE_GOLDEN=1 and review the diff");
    }

    [Test]
    public void Every_case_is_present()
    {
        Cases().Should().BeEquivalentTo("minimal", "full", "permissions", "long-name", "debug-open", "debug-expired", "cidr-egress");
    }
}
