using Airlock.Api.Serialization;
using Airlock.Operator.Egress;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using Airlock.Testing;

namespace Airlock.Operator.Tests.Egress;

/// <summary>Egress/testassets/&lt;case&gt;/task.yaml → expected.yaml. Run with UPDATE_GOLDEN=1 to rewrite after an intended change.</summary>
public class CiliumNetworkPolicyGoldenTests
{
    private static readonly string Assets = Path.Combine(TestPaths.RepositoryRoot, "tests", "Airlock.Operator.Tests", "Egress", "testassets");

    public static IEnumerable<string> Cases() =>
        Directory.GetDirectories(Assets).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Cases))]
    public void Build_matches_golden_file(string name)
    {
        var folder = Path.Combine(Assets, name);
        var task = Tasks.FromYaml(File.ReadAllText(Path.Combine(folder, "task.yaml")));

        var policy = CiliumNetworkPolicyBuilder.Build(task, SandboxSettings.Default);
        var actual = policy is null ? "# no CiliumNetworkPolicy: the task names no hosts\n" : ManifestYaml.Serialize(policy);

        var expectedPath = Path.Combine(folder, "expected.yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(expectedPath, actual);
        File.Exists(expectedPath).Should().BeTrue($"{expectedPath} is missing; run with UPDATE_GOLDEN=1 to create it");
        actual.Should().Be(File.ReadAllText(expectedPath), $"the CiliumNetworkPolicy of {name} changed; if intended, rerun with UPDATE_GOLDEN=1 and review the diff");
    }

    [Test]
    public void A_wildcard_host_covers_one_label_and_several()
    {
        var task = Tasks.Minimal();
        task.Spec.Egress = [new() { Host = "*.example.com" }];

        var fqdns = CiliumNetworkPolicyBuilder.Build(task, SandboxSettings.Default)!.Spec["egress"]![1]!["toFQDNs"]!.ToJsonString();

        fqdns.Should().Be("""[{"matchPattern":"*.example.com"},{"matchPattern":"**.example.com"}]""");
    }
}
