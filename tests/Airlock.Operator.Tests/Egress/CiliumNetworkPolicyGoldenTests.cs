using Airlock.Api.Serialization;
using Airlock.Operator.Egress;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using Airlock.Testing;

namespace Airlock.Operator.Tests.Egress;

/// <summary>
/// Egress/testassets/&lt;case&gt;/task.yaml → expected.yaml (the sandbox-side policy, then the egress-proxy-side one). Run with
/// UPDATE_GOLDEN=1 to rewrite after an intended change, and review the diff.
/// </summary>
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

        var policies = CiliumNetworkPolicyBuilder.Build(task, SandboxSettings.Default, CiliumSettings.Default);
        var actual = ManifestYaml.SerializeAll(policies.Proxy is null ? [policies.Sandbox] : [policies.Sandbox, policies.Proxy])
            + (policies.Proxy is null ? "# no egress-proxy policy: the task names no hosts and no CIDRs\n" : "");

        var expectedPath = Path.Combine(folder, "expected.yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(expectedPath, actual);
        File.Exists(expectedPath).Should().BeTrue($"{expectedPath} is missing; run with UPDATE_GOLDEN=1 to create it");
        actual.Should().Be(File.ReadAllText(expectedPath), $"the CiliumNetworkPolicies of {name} changed; if intended, rerun with UPDATE_GOLDEN=1 and review the diff");
    }
}
