using Airlock.Operator.Policies;
using Airlock.Operator.Reconciliation;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using k8s.Models;

namespace Airlock.Operator.Tests.Reconciliation;

public sealed class SandboxPlanTests
{
    private static readonly SandboxSettings Settings = SandboxSettings.Default with { Clock = new FixedClock(FixedClock.GoldenNow) };

    private static SandboxObjects Desired() => AgentTaskSandbox.Build(Tasks.Minimal(), BuiltinPolicy.Effective, Settings);

    private static ObservedSandbox AsObserved(SandboxObjects objects) =>
        new(objects.ServiceAccount, objects.Role, objects.RoleBinding, objects.Prompt, objects.NetworkPolicy, objects.Pod);

    [Test]
    public void Observed_children_equal_to_the_desired_ones_need_no_write() =>
        SandboxPlan.Diff(Desired(), AsObserved(Desired()), allowPodCreate: true).Should().BeEmpty();

    [Test]
    public void Missing_children_are_created_with_the_network_policy_before_the_pod() =>
        SandboxPlan.Diff(Desired(), ObservedSandbox.Empty, allowPodCreate: true).Select(c => c.ToString())
            .Should().Equal("Create ServiceAccount hello-agent", "Create ConfigMap hello-prompt", "Create NetworkPolicy hello-sandbox", "Create Pod hello-agent");

    [Test]
    public void Child_with_another_desired_hash_is_patched()
    {
        var observed = AsObserved(Desired());
        observed.NetworkPolicy!.Metadata.Annotations[Api.AirlockAnnotations.DesiredHash] = "stale";

        SandboxPlan.Diff(Desired(), observed, allowPodCreate: true).Select(c => c.ToString()).Should().Equal("Patch NetworkPolicy hello-sandbox");
    }

    [Test]
    public void Pod_with_another_desired_hash_is_never_patched()
    {
        var observed = AsObserved(Desired());
        observed.Pod!.Metadata.Annotations[Api.AirlockAnnotations.DesiredHash] = "stale";

        SandboxPlan.Diff(Desired(), observed, allowPodCreate: true).Should().BeEmpty();
    }

    [Test]
    public void Missing_pod_is_not_created_when_pod_creation_is_not_allowed() =>
        SandboxPlan.Diff(Desired(), AsObserved(Desired()) with { Pod = null }, allowPodCreate: false).Should().BeEmpty();

    [Test]
    public void Role_left_over_after_permissions_were_removed_is_unwanted()
    {
        var observed = ObservedSandbox.Empty with { Role = new V1Role { Metadata = new V1ObjectMeta { Name = "hello-agent" } } };

        SandboxPlan.Unwanted(Desired(), observed).Should().ContainSingle().Which.Should().BeSameAs(observed.Role);
    }
}
