using Airlock.Api;
using Airlock.Operator.Manifests;
using Airlock.Operator.Policies;
using Airlock.Testing;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>The operator's admission webhooks behind the real kubectl: refusals in the validate text, defaults, creator identity.</summary>
[TestFixture]
public sealed class AdmissionTests : NamespacedScenario
{
    protected override string Prefix => "adm";

    [Test]
    public async Task Kubectl_apply_of_a_bad_task_is_refused_with_the_text_airlock_validate_prints()
    {
        var yaml = TaskYaml.For("bad").Replace("runtimeClassName: kata-clh", "runtimeClassName: runc", StringComparison.Ordinal)
            + "  tokenExpirationSeconds: 3600\n  permissions: [{apiGroups: [\"\"], resources: [secrets], verbs: [get]}]\n";
        var expected = AirlockManifests.Validate(ManifestReader.ReadDocuments(yaml).Single(), BuiltinPolicy.Effective, DateTime.UtcNow);

        var result = await ApplyAsync("alice", yaml);

        result.Succeeded.Should().BeFalse();
        expected.Should().HaveCount(2);
        foreach (var problem in expected) result.Stderr.Should().Contain($"AgentTask/bad: {problem}");
        (await Probe.GetAsync("bad")).Should().BeNull();
    }

    [Test]
    public async Task Admitted_task_gets_policy_defaults()
    {
        (await ApplyAsync("alice", "apiVersion: agents.airlock.dev/v1alpha1\nkind: AgentTask\nmetadata: {name: plain}\nspec:\n  image: " + TaskYaml.Image + "\n")).EnsureSuccess();

        var spec = (await Probe.GetAsync("plain"))!.Spec;

        (spec.RuntimeClassName, spec.Timeout, spec.TokenExpirationSeconds, spec.Resources?.Memory?.ToString()).Should().Be(("kata-qemu", "1h", 600L, "2Gi"));
    }

    [Test]
    public async Task Creator_identity_is_recorded_from_the_request()
    {
        (await ApplyAsync("alice", TaskYaml.For("mine"))).EnsureSuccess();

        var annotations = (await Probe.GetAsync("mine"))!.Metadata.Annotations;

        (annotations[AirlockAnnotations.CreatedBy], annotations[AirlockAnnotations.CreatedByGroups]).Should().Be(("alice", "airlock:users,system:authenticated"));
    }

    [Test]
    public async Task Creator_identity_written_in_the_manifest_is_replaced()
    {
        var yaml = TaskYaml.For("claimed").Replace("  name: claimed\n", $"  name: claimed\n  annotations: {{{AirlockAnnotations.CreatedBy}: carol}}\n", StringComparison.Ordinal);

        (await ApplyAsync("alice", yaml)).EnsureSuccess();

        (await Probe.GetAsync("claimed"))!.Metadata.Annotations[AirlockAnnotations.CreatedBy].Should().Be("alice");
    }

    [Test]
    public async Task Creator_identity_cannot_be_changed_afterwards()
    {
        (await ApplyAsync("alice", TaskYaml.For("owned"))).EnsureSuccess();

        var result = await Cluster.KubectlAs("bob").RunAsync("annotate", "agenttask", "owned", "-n", Ns.Name, "--overwrite", $"{AirlockAnnotations.CreatedBy}=bob");

        result.Stderr.Should().Contain($"metadata.annotations[{AirlockAnnotations.CreatedBy}]: records who created the task and cannot be changed");
        (await Probe.GetAsync("owned"))!.Metadata.Annotations[AirlockAnnotations.CreatedBy].Should().Be("alice");
    }

    [Test]
    public async Task Valid_task_applied_with_kubectl_runs()
    {
        (await ApplyAsync("alice", TaskYaml.For("fine"))).EnsureSuccess();

        await Probe.WaitForPhaseAsync("fine", Api.Tasks.AgentTaskPhase.Running);
    }
}
