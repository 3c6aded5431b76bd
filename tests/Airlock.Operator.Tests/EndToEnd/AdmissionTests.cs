using Airlock.Api;
using Airlock.Operator.Manifests;
using Airlock.Operator.Policies;
using Airlock.Testing;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>The operator's admission webhooks behind the real kubectl: refusals in the validate text, defaults, creator identity.</summary>
[TestFixture]
public sealed class AdmissionTests
{
    private TestNamespace _ns = null!;
    private TaskProbe _probe = null!;

    private static TestCluster Cluster => OperatorSetUp.Cluster;

    [SetUp]
    public async Task CreateNamespaceAsync()
    {
        Cluster.RequireLocal();
        _ns = await Cluster.CreateNamespaceAsync("adm");
        _probe = new TaskProbe(Cluster.Client, _ns.Name);
        await GovernanceRbac.GrantAsync(Cluster.Client, _ns.Name, GovernanceRbac.Editor, "alice", "bob");
    }

    [TearDown]
    public async Task DeleteNamespaceAsync() => await _ns.DisposeAsync();

    private Task<KubectlResult> ApplyAsync(string user, string yaml) =>
        Cluster.KubectlAs(user).RunAsync(["apply", "-n", _ns.Name, "-f", "-"], yaml);

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
        (await _probe.GetAsync("bad")).Should().BeNull();
    }

    [Test]
    public async Task Admitted_task_gets_policy_defaults()
    {
        (await ApplyAsync("alice", "apiVersion: agents.airlock.dev/v1alpha1\nkind: AgentTask\nmetadata: {name: plain}\nspec:\n  image: " + TaskYaml.Image + "\n")).EnsureSuccess();

        var spec = (await _probe.GetAsync("plain"))!.Spec;

        (spec.RuntimeClassName, spec.Timeout, spec.TokenExpirationSeconds, spec.Resources?.Memory?.ToString()).Should().Be(("kata-qemu", "1h", 600L, "2Gi"));
    }

    [Test]
    public async Task Creator_identity_is_recorded_from_the_request()
    {
        (await ApplyAsync("alice", TaskYaml.For("mine"))).EnsureSuccess();

        var annotations = (await _probe.GetAsync("mine"))!.Metadata.Annotations;

        (annotations[AirlockAnnotations.CreatedBy], annotations[AirlockAnnotations.CreatedByGroups]).Should().Be(("alice", "airlock:users,system:authenticated"));
    }

    [Test]
    public async Task Creator_identity_written_in_the_manifest_is_replaced()
    {
        var yaml = TaskYaml.For("claimed").Replace("  name: claimed\n", $"  name: claimed\n  annotations: {{{AirlockAnnotations.CreatedBy}: carol}}\n", StringComparison.Ordinal);

        (await ApplyAsync("alice", yaml)).EnsureSuccess();

        (await _probe.GetAsync("claimed"))!.Metadata.Annotations[AirlockAnnotations.CreatedBy].Should().Be("alice");
    }

    [Test]
    public async Task Creator_identity_cannot_be_changed_afterwards()
    {
        (await ApplyAsync("alice", TaskYaml.For("owned"))).EnsureSuccess();

        var result = await Cluster.KubectlAs("bob").RunAsync("annotate", "agenttask", "owned", "-n", _ns.Name, "--overwrite", $"{AirlockAnnotations.CreatedBy}=bob");

        result.Stderr.Should().Contain($"metadata.annotations[{AirlockAnnotations.CreatedBy}]: records who created the task and cannot be changed");
        (await _probe.GetAsync("owned"))!.Metadata.Annotations[AirlockAnnotations.CreatedBy].Should().Be("alice");
    }

    [Test]
    public async Task Valid_task_applied_with_kubectl_runs()
    {
        (await ApplyAsync("alice", TaskYaml.For("fine"))).EnsureSuccess();

        await _probe.WaitForPhaseAsync("fine", Api.Tasks.AgentTaskPhase.Running);
    }
}
