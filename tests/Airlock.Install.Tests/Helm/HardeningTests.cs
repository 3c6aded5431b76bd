using Airlock.Install.Tests.Support;

namespace Airlock.Install.Tests.Helm;

/// <summary>Every container the chart renders, in every value set, is locked down, bounded and probed.</summary>
[TestFixture]
public sealed class HardeningTests
{
    private static IEnumerable<TestCaseData> Containers() =>
        ValueSets.Names.SelectMany(set => PodTemplates.Containers(ValueSets.Render(set))
            .Select(c => new TestCaseData(c.Owner, c.Container).SetArgDisplayNames(set, c.Owner.Name, (string)c.Container["name"]!)));

    private static IEnumerable<TestCaseData> Pods() =>
        ValueSets.Names.SelectMany(set => PodTemplates.In(ValueSets.Render(set))
            .Select(p => new TestCaseData(p.Owner, p.Pod).SetArgDisplayNames(set, p.Owner.Name)));

    [Test]
    public void Every_value_set_renders_at_least_one_container()
    {
        foreach (var set in ValueSets.Names) PodTemplates.Containers(ValueSets.Render(set)).Should().NotBeEmpty(set);
    }

    [TestCaseSource(nameof(Containers))]
    public void Container_runs_as_non_root_with_read_only_root_and_no_privileges(Manifest owner, System.Text.Json.Nodes.JsonObject container)
    {
        var sc = container["securityContext"];
        sc.Should().NotBeNull($"{owner} has no container securityContext");
        ((string?)sc!["runAsNonRoot"]).Should().Be("true");
        ((string?)sc["readOnlyRootFilesystem"]).Should().Be("true");
        ((string?)sc["allowPrivilegeEscalation"]).Should().Be("false");
        ((string?)sc["privileged"] ?? "false").Should().Be("false");
        sc["capabilities"]?["drop"]?.AsArray().Select(d => (string?)d).Should().Contain("ALL");
        sc["capabilities"]?["add"].Should().BeNull("no capability is added back");
        ((string?)sc["seccompProfile"]?["type"]).Should().Be("RuntimeDefault");
        long.Parse((string?)sc["runAsUser"] ?? "0", System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
    }

    [TestCaseSource(nameof(Containers))]
    public void Container_has_cpu_and_memory_requests_and_limits(Manifest owner, System.Text.Json.Nodes.JsonObject container)
    {
        foreach (var kind in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                ((string?)container["resources"]?[kind]?[resource]).Should().NotBeNullOrEmpty($"{owner} needs resources.{kind}.{resource}");
            }
        }
    }

    [TestCaseSource(nameof(Containers))]
    public void Container_has_liveness_and_readiness_probes(Manifest owner, System.Text.Json.Nodes.JsonObject container)
    {
        container["livenessProbe"].Should().NotBeNull($"{owner} needs a livenessProbe");
        container["readinessProbe"].Should().NotBeNull($"{owner} needs a readinessProbe");
    }

    [TestCaseSource(nameof(Pods))]
    public void Pod_runs_as_non_root_with_runtime_default_seccomp_and_no_host_namespaces(Manifest owner, System.Text.Json.Nodes.JsonObject pod)
    {
        ((string?)pod["securityContext"]?["runAsNonRoot"]).Should().Be("true", $"{owner}");
        ((string?)pod["securityContext"]?["seccompProfile"]?["type"]).Should().Be("RuntimeDefault");
        foreach (var host in new[] { "hostNetwork", "hostPID", "hostIPC" }) ((string?)pod[host] ?? "false").Should().Be("false", host);
        pod["volumes"]?.AsArray().Should().NotContain(v => v!["hostPath"] != null, "no host path is mounted");
    }

    [Test]
    public void Image_digest_wins_over_the_tag()
    {
        var images = PodTemplates.Containers(ValueSets.Render("cert-manager")).Select(c => (string?)c.Container["image"]);

        images.Should().OnlyContain(i => i == "ghcr.io/airlock-dev/airlock@sha256:0f5e3c6a0d3c4b1e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e");
    }
}
