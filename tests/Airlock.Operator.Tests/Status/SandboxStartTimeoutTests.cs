using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Status;
using Airlock.Operator.Tests.Support;
using k8s.Models;

namespace Airlock.Operator.Tests.Status;

/// <summary>A sandbox pod that is not Running within the start timeout fails its task, naming why it did not start.</summary>
public sealed class SandboxStartTimeoutTests
{
    private static readonly DateTime Now = FixedClock.GoldenNow.UtcDateTime;

    /// <summary>A pending pod created <paramref name="age"/> ago, unschedulable for a missing RuntimeClass (as the kubelet reports it).</summary>
    private static V1Pod Unschedulable(AgentTask task, TimeSpan age)
    {
        var pod = AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, SandboxSettings.Default).Pod;
        pod.Metadata.CreationTimestamp = Now - age;
        pod.Status = new V1PodStatus
        {
            Phase = "Pending",
            Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "False", Reason = "Unschedulable", Message = "pod's RuntimeClass \"kata-qemu\" not found" }],
        };
        return pod;
    }

    private static StatusResult Compute(AgentTask task, V1Pod pod, TimeSpan? startTimeout = null) =>
        AgentTaskStatusCalculator.Compute(task, new ObservedChildren(pod, true), Now, TaskGate.Open, startTimeout);

    [Test]
    public void Pod_not_running_after_the_default_start_timeout_fails_the_task()
    {
        var task = Tasks.Minimal();

        var result = Compute(task, Unschedulable(task, TimeSpan.FromMinutes(10)));

        (result.Status.Phase, result.Status.Reason).Should().Be((AgentTaskPhase.Failed, SandboxStart.TimeoutReason));
    }

    [Test]
    public void Timeout_message_names_why_the_pod_did_not_start()
    {
        var task = Tasks.Minimal();

        var result = Compute(task, Unschedulable(task, TimeSpan.FromMinutes(11)));

        result.Status.Message.Should().Be(
            "the sandbox pod did not start within 10m of its creation: PodScheduled is False: Unschedulable: pod's RuntimeClass \"kata-qemu\" not found");
    }

    [Test]
    public void Timeout_message_prefers_a_waiting_container_reason()
    {
        var task = Tasks.Minimal();
        var pod = Unschedulable(task, TimeSpan.FromMinutes(11));
        pod.Status.ContainerStatuses =
        [
            new V1ContainerStatus { Name = "agent", State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ImagePullBackOff", Message = "Back-off pulling image" } } },
        ];

        Compute(task, pod).Status.Message.Should().EndWith("container agent is waiting: ImagePullBackOff: Back-off pulling image");
    }

    [Test]
    public void Pod_still_within_its_start_timeout_stays_pending_and_requeues_at_the_deadline()
    {
        var task = Tasks.Minimal();

        var result = Compute(task, Unschedulable(task, TimeSpan.FromMinutes(4)));

        (result.Status.Phase, result.RequeueAt).Should().Be((AgentTaskPhase.Pending, Now.AddMinutes(6)));
    }

    [Test]
    public void Start_timeout_is_the_operators_setting()
    {
        var task = Tasks.Minimal();

        var result = Compute(task, Unschedulable(task, TimeSpan.FromSeconds(90)), TimeSpan.FromSeconds(90));

        (result.Status.Phase, result.Status.Message).Should().Be((AgentTaskPhase.Failed,
            "the sandbox pod did not start within 1m30s of its creation: PodScheduled is False: Unschedulable: pod's RuntimeClass \"kata-qemu\" not found"));
    }

    [Test]
    public void Running_pod_is_not_timed_out_however_old()
    {
        var task = Tasks.Minimal();
        var pod = Unschedulable(task, TimeSpan.FromHours(2));
        pod.Status = new V1PodStatus { Phase = "Running", StartTime = Now.AddHours(-1) };

        Compute(task, pod).Status.Phase.Should().Be(AgentTaskPhase.Running);
    }

    [Test]
    public void Pod_that_ran_and_is_now_unknown_is_not_a_slow_start()
    {
        var task = Tasks.Minimal();
        task.Status = new AgentTaskStatus { Phase = AgentTaskPhase.Running, StartTime = Now.AddHours(-1) };
        var pod = Unschedulable(task, TimeSpan.FromHours(2));
        pod.Status = new V1PodStatus { Phase = "Unknown" };

        Compute(task, pod).Status.Reason.Should().NotBe(SandboxStart.TimeoutReason);
    }
}
