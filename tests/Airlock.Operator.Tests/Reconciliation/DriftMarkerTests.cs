using Airlock.Api;
using Airlock.Operator.Policies;
using Airlock.Operator.Reconciliation;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Tests.Reconciliation;

public sealed class DriftMarkerTests
{
    private static readonly SandboxSettings Settings = SandboxSettings.Default with { Clock = new FixedClock(FixedClock.GoldenNow) };

    private static SandboxObjects Desired() => AgentTaskSandbox.Build(Tasks.Minimal(), BuiltinPolicy.Effective, Settings);

    private static T Copy<T>(T obj) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));

    private static V1NetworkPolicy Widened()
    {
        var policy = Copy(Desired().NetworkPolicy);
        policy.Spec.Egress.Add(new V1NetworkPolicyEgressRule { To = [new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = "0.0.0.0/0" } }] });
        return policy;
    }

    [Test]
    public void An_untouched_child_keeps_its_stamp()
    {
        var policy = Copy(Desired().NetworkPolicy);

        DriftMarker.Mark(policy);

        DesiredHash.Read(policy).Should().Be(DesiredHash.Read(Desired().NetworkPolicy));
    }

    [Test]
    public void A_changed_child_is_marked_drifted()
    {
        var policy = Widened();

        DriftMarker.Mark(policy);

        DriftMarker.IsDrifted(policy).Should().BeTrue();
    }

    [Test]
    public void The_mark_happens_before_the_cache_drops_the_spec()
    {
        var transform = DriftMarker.Before(obj => Airlock.Runtime.Informers.CacheTransforms.Slim(obj));

        var cached = (V1NetworkPolicy)transform(Widened());

        (cached.Spec is null, DriftMarker.IsDrifted(cached)).Should().Be((true, true));
    }

    [Test]
    public void A_stamp_from_before_fingerprints_is_left_to_the_ordinary_diff()
    {
        var policy = Widened();
        policy.Metadata.Annotations[AirlockAnnotations.DesiredHash] = new string('a', 64);

        DriftMarker.Mark(policy);

        DesiredHash.Read(policy).Should().Be(new string('a', 64));
    }

    [Test]
    public void A_changed_child_is_patched_back_as_a_drift_repair()
    {
        var desired = Desired();
        var observed = new ObservedSandbox(desired.ServiceAccount, null, null, desired.Prompt, (V1NetworkPolicy)DriftMarker.Mark(Widened()), desired.Pod);

        var change = SandboxPlan.Diff(Desired(), observed, allowPodCreate: false).Should().ContainSingle().Subject;

        (change.ToString(), change.RepairsDrift).Should().Be(("Patch NetworkPolicy hello-sandbox", true));
    }

    [Test]
    public void An_edit_that_recomputes_the_stamp_is_still_patched_back()
    {
        var desired = Desired();
        var forged = DesiredHash.Stamp(Widened());
        DriftMarker.Mark(forged);
        var observed = new ObservedSandbox(desired.ServiceAccount, null, null, desired.Prompt, forged, desired.Pod);

        SandboxPlan.Diff(Desired(), observed, allowPodCreate: false).Select(c => c.ToString()).Should().Equal("Patch NetworkPolicy hello-sandbox");
    }

    [Test]
    public void A_pod_is_never_marked()
    {
        var pod = Copy(Desired().Pod);
        pod.Spec.Containers[0].Image = "evil:latest";

        DriftMarker.Mark(pod);

        DriftMarker.IsDrifted(pod).Should().BeFalse();
    }
}
