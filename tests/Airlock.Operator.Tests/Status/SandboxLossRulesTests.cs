using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Status;
using Airlock.Operator.Tests.Support;
using k8s.Models;

namespace Airlock.Operator.Tests.Status;

/// <summary>When a started task may be called lost, and when its children may go: never on a cache's word alone.</summary>
public sealed class SandboxLossRulesTests
{
    private static readonly DateTime Now = FixedClock.GoldenNow.UtcDateTime;

    private static AgentTask Running()
    {
        var task = Tasks.Minimal();
        task.Spec.TtlSecondsAfterFinished = 10;
        task.Status = new AgentTaskStatus { Phase = AgentTaskPhase.Running, StartTime = Now.AddMinutes(-2), Conditions = [] };
        return task;
    }

    private static V1Pod Finished(AgentTask task, DateTime finishedAt)
    {
        var pod = AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, SandboxSettings.Default).Pod;
        pod.Status = new V1PodStatus
        {
            Phase = "Succeeded",
            StartTime = Now.AddMinutes(-2),
            ContainerStatuses = [new V1ContainerStatus { Name = "agent", State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0, FinishedAt = finishedAt } } }],
        };
        return pod;
    }

    [Test]
    public void Started_task_whose_pod_is_only_missing_from_the_cache_keeps_its_phase()
    {
        var result = AgentTaskStatusCalculator.Compute(Running(), new ObservedChildren(null, true), Now, TaskGate.Open);

        (result.Status.Phase, result.PodAbsenceUnconfirmed).Should().Be((AgentTaskPhase.Running, true));
    }

    [Test]
    public void Started_task_whose_pod_is_confirmed_gone_is_lost()
    {
        var result = AgentTaskStatusCalculator.Compute(Running(), new ObservedChildren(null, true, PodGoneConfirmed: true), Now, TaskGate.Open);

        (result.Status.Phase, result.Status.Reason, result.PodAbsenceUnconfirmed).Should().Be((AgentTaskPhase.Failed, AgentTaskConditionReasons.SandboxLost, false));
    }

    [Test]
    public void Task_not_yet_started_without_a_pod_needs_no_confirmation()
    {
        var result = AgentTaskStatusCalculator.Compute(Tasks.Minimal(), new ObservedChildren(null, true), Now, TaskGate.Open);

        (result.Status.Phase, result.PodAbsenceUnconfirmed).Should().Be((AgentTaskPhase.Pending, false));
    }

    [Test]
    public void End_found_past_its_ttl_keeps_the_children_until_it_is_written()
    {
        var task = Running();

        var result = AgentTaskStatusCalculator.Compute(task, new ObservedChildren(Finished(task, Now.AddMinutes(-1)), true), Now, TaskGate.Open);

        (result.Status.Phase, result.ChildrenExpired, result.RequeueAt).Should().Be((AgentTaskPhase.Succeeded, false, Now));
    }

    [Test]
    public void Written_end_past_its_ttl_expires_the_children()
    {
        var task = Running();
        var pod = Finished(task, Now.AddMinutes(-1));
        task.Status = AgentTaskStatusCalculator.Compute(task, new ObservedChildren(pod, true), Now, TaskGate.Open).Status;

        AgentTaskStatusCalculator.Compute(task, new ObservedChildren(pod, true), Now, TaskGate.Open).ChildrenExpired.Should().BeTrue();
    }
}
