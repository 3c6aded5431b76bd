using Airlock.Api.Tasks;
using Airlock.Testing;
using k8s.Models;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>A task applied with the real kubectl runs in the hardened pod DESIGN.md describes.</summary>
[TestFixture]
public sealed class HardenedSandboxTests
{
    private TestNamespace _ns = null!;
    private TaskProbe _probe = null!;
    private V1Pod _pod = null!;

    [OneTimeSetUp]
    public async Task ApplyAsync()
    {
        var cluster = OperatorSetUp.Cluster;
        _ns = await cluster.CreateNamespaceAsync("hardened");
        _probe = new TaskProbe(cluster.Client, _ns.Name);
        (await cluster.Kubectl.RunAsync(["apply", "-n", _ns.Name, "-f", "-"], TaskYaml.For("hardened", tokenExpirationSeconds: 900))).EnsureSuccess();
        await _probe.WaitForPhaseAsync("hardened", AgentTaskPhase.Running);
        _pod = (await _probe.PodAsync("hardened"))!;
    }

    [OneTimeTearDown]
    public async Task CleanUpAsync() => await _ns.DisposeAsync();

    [Test]
    public void Pod_runs_with_the_requested_kata_runtime_class() => _pod.Spec.RuntimeClassName.Should().Be("kata-clh");

    [Test]
    public void Pod_does_not_automount_a_service_account_token() => _pod.Spec.AutomountServiceAccountToken.Should().BeFalse();

    [Test]
    public void Projected_token_has_the_gateway_audience_and_the_spec_lifetime()
    {
        var token = _pod.Spec.Volumes.Select(v => v.Projected).OfType<V1ProjectedVolumeSource>()
            .SelectMany(p => p.Sources).Select(s => s.ServiceAccountToken).OfType<V1ServiceAccountTokenProjection>().Single();
        token.Audience.Should().Be("airlock-gateway");
        token.ExpirationSeconds.Should().Be(900);
    }

    [Test]
    public void Container_security_context_is_locked_down()
    {
        var context = _pod.Spec.Containers.Single().SecurityContext;
        context.RunAsNonRoot.Should().BeTrue();
        context.ReadOnlyRootFilesystem.Should().BeTrue();
        context.AllowPrivilegeEscalation.Should().BeFalse();
        context.Capabilities.Drop.Should().Equal("ALL");
        context.SeccompProfile.Type.Should().Be("RuntimeDefault");
    }

    [Test]
    public void Resource_requests_equal_limits()
    {
        var resources = _pod.Spec.Containers.Single().Resources;
        resources.Requests.Keys.Should().BeEquivalentTo("cpu", "memory", "ephemeral-storage");
        resources.Requests.Should().BeEquivalentTo(resources.Limits);
    }

    [Test]
    public void No_secret_is_mounted_or_referenced()
    {
        _pod.Spec.Volumes.Should().NotContain(v => v.Secret != null);
        _pod.Spec.Containers.SelectMany(c => c.Env ?? []).Should().NotContain(e => e.ValueFrom != null);
        _pod.Spec.Containers.SelectMany(c => c.EnvFrom ?? []).Should().BeEmpty();
        _pod.Spec.ImagePullSecrets.Should().BeNullOrEmpty();
    }

    [Test]
    public async Task Task_status_names_the_pod_and_a_running_sandbox()
    {
        var task = (await _probe.GetAsync("hardened"))!;
        task.Status!.PodName.Should().Be(_pod.Metadata.Name);
        task.Status.Conditions.Should().Contain(c => c.Type == AgentTaskConditionTypes.SandboxReady && c.Status == "True");
    }

    [Test]
    public async Task Every_child_is_owned_by_the_task_and_the_task_carries_the_cleanup_finalizer()
    {
        var task = (await _probe.GetAsync("hardened"))!;
        task.Metadata.Finalizers.Should().Contain("agents.airlock.dev/cleanup");
        (await _probe.ChildrenAsync("hardened")).Should().BeEquivalentTo(
            "Pod/hardened-agent", "ServiceAccount/hardened-agent", "ConfigMap/hardened-prompt", "NetworkPolicy/hardened-sandbox");
        _pod.Metadata.OwnerReferences.Should().ContainSingle(r => r.Uid == task.Metadata.Uid && r.Controller == true);
    }
}
