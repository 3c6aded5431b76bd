using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Status;
using Airlock.Operator.Tests.Support;
using k8s.Models;

namespace Airlock.Operator.Tests.Status;

public class AgentTaskStatusCalculatorTests
{
    private static readonly DateTime Now = FixedClock.GoldenNow.UtcDateTime;

    private static V1Pod Pod(AgentTask task, string phase, string? reason = null)
    {
        var pod = AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, SandboxSettings.Default).Pod;
        pod.Status = new V1PodStatus { Phase = phase, Reason = reason, StartTime = Now.AddMinutes(-10) };
        return pod;
    }

    private static StatusResult Compute(AgentTask task, V1Pod? pod, bool childrenExist = true, bool approvalRequired = false, DateTime? now = null) =>
        AgentTaskStatusCalculator.Compute(task, new ObservedChildren(pod, childrenExist || pod is not null), now ?? Now, approvalRequired);

    private static V1Condition Condition(StatusResult result, string type) => result.Status.Conditions!.Single(c => c.Type == type);

    [Test]
    public void New_task_without_children_is_pending()
    {
        var result = Compute(Tasks.Minimal(), null, childrenExist: false);

        result.Status.Phase.Should().Be(AgentTaskPhase.Pending);
        Condition(result, AgentTaskConditionTypes.SandboxReady).Reason.Should().Be(AgentTaskConditionReasons.Creating);
    }

    [Test]
    public void Running_pod_makes_the_task_running_with_its_start_time()
    {
        var task = Tasks.Minimal();

        var result = Compute(task, Pod(task, "Running"));

        (result.Status.Phase, result.Status.StartTime, result.Status.PodName).Should().Be((AgentTaskPhase.Running, Now.AddMinutes(-10), "hello-agent"));
        Condition(result, AgentTaskConditionTypes.SandboxReady).Status.Should().Be("True");
    }

    [Test]
    public void Running_task_shows_pod_running_as_its_reason_not_the_spec_bookkeeping()
    {
        var task = Tasks.Minimal();

        var result = Compute(task, Pod(task, "Running"));

        result.Status.Reason.Should().Be(AgentTaskConditionReasons.PodRunning);
    }

    [Test]
    public void Succeeded_pod_completes_the_task()
    {
        var task = Tasks.Minimal();

        var result = Compute(task, Pod(task, "Succeeded"));

        result.Status.Phase.Should().Be(AgentTaskPhase.Succeeded);
        result.Status.CompletionTime.Should().Be(Now);
        result.Status.Reason.Should().Be(AgentTaskConditionReasons.Succeeded);
    }

    [Test]
    public void Deadline_exceeded_pod_times_the_task_out()
    {
        var task = Tasks.Minimal();

        var result = Compute(task, Pod(task, "Failed", "DeadlineExceeded"));

        (result.Status.Phase, result.Status.Reason).Should().Be((AgentTaskPhase.TimedOut, AgentTaskConditionReasons.DeadlineExceeded));
    }

    [Test]
    public void Failed_pod_reports_the_exit_code()
    {
        var task = Tasks.Minimal();
        var pod = Pod(task, "Failed");
        pod.Status.ContainerStatuses = [new V1ContainerStatus { Name = "agent", State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 3, Reason = "Error" } } }];

        var result = Compute(task, pod);

        (result.Status.Phase, result.Status.Message).Should().Be((AgentTaskPhase.Failed, "the agent exited with code 3 (Error)"));
    }

    [Test]
    public void Terminal_phase_is_sticky()
    {
        var task = Tasks.Minimal();
        task.Status = Compute(task, Pod(task, "Succeeded")).Status;

        Compute(task, Pod(task, "Running"), now: Now.AddSeconds(10)).Status.Phase.Should().Be(AgentTaskPhase.Succeeded);
    }

    [Test]
    public void Pod_confirmed_gone_while_running_fails_the_task()
    {
        var task = Tasks.Minimal();
        task.Status = Compute(task, Pod(task, "Running")).Status;

        var result = AgentTaskStatusCalculator.Compute(task, new ObservedChildren(null, true, PodGoneConfirmed: true), Now, TaskGate.Open);

        (result.Status.Phase, result.Status.Reason).Should().Be((AgentTaskPhase.Failed, AgentTaskConditionReasons.SandboxLost));
    }

    [Test]
    public void Task_needing_approval_waits()
    {
        var result = Compute(Tasks.Minimal(), null, childrenExist: false, approvalRequired: true);

        result.Status.Phase.Should().Be(AgentTaskPhase.AwaitingApproval);
        Condition(result, AgentTaskConditionTypes.Approved).Reason.Should().Be(AgentTaskConditionReasons.AwaitingApproval);
    }

    [Test]
    public void Verified_approval_records_the_approver()
    {
        var gate = new TaskGate { ApprovalRequired = true, Approval = new VerifiedApproval("alice", Now.AddHours(-1)) };

        var result = AgentTaskStatusCalculator.Compute(Tasks.Minimal(), ObservedChildren.None, Now, gate);

        (result.Status.Phase, result.Status.ApprovedBy, result.Status.ApprovedAt).Should().Be((AgentTaskPhase.Pending, "alice", Now.AddHours(-1)));
    }

    [Test]
    public void Approval_annotation_alone_approves_nothing()
    {
        var task = Tasks.Minimal();
        task.Metadata.Annotations = new Dictionary<string, string> { [AirlockAnnotations.ApprovedBy] = "alice", [AirlockAnnotations.ApprovedAt] = "2026-03-01T11:00:00Z" };

        var result = Compute(task, null, childrenExist: false, approvalRequired: true);

        (result.Status.Phase, result.Status.ApprovedBy).Should().Be((AgentTaskPhase.AwaitingApproval, null));
    }

    [Test]
    public void Waiting_task_with_policy_problems_is_rejected_with_the_reasons()
    {
        var gate = new TaskGate { PolicyProblems = [new("spec.runtimeClassName", "\"kata-fc\" is not allowed; use one of kata-qemu")] };

        var result = AgentTaskStatusCalculator.Compute(Tasks.Minimal(), ObservedChildren.None, Now, gate);

        result.Status.Phase.Should().Be(AgentTaskPhase.Rejected);
        result.Status.Message.Should().Be("the task does not satisfy the current policy: spec.runtimeClassName: \"kata-fc\" is not allowed; use one of kata-qemu");
        Condition(result, AgentTaskConditionTypes.Completed).Reason.Should().Be(AgentTaskConditionReasons.PolicyViolation);
    }

    [Test]
    public void Running_task_is_not_rejected_by_a_later_policy()
    {
        var task = Tasks.Minimal();
        var gate = new TaskGate { PolicyProblems = [new("spec.runtimeClassName", "not allowed")] };

        AgentTaskStatusCalculator.Compute(task, new ObservedChildren(Pod(task, "Running"), true), Now, gate).Status.Phase.Should().Be(AgentTaskPhase.Running);
    }

    [Test]
    public void Rejection_is_terminal()
    {
        var task = Tasks.Minimal();
        task.Metadata.Annotations = new Dictionary<string, string> { [AirlockAnnotations.RejectedBy] = "bob" };

        Compute(task, null, childrenExist: false, approvalRequired: true).Status.Phase.Should().Be(AgentTaskPhase.Rejected);
    }

    [Test]
    public void Quarantine_stops_the_sandbox()
    {
        var task = Tasks.Minimal();
        task.Metadata.Annotations = new Dictionary<string, string> { [AirlockAnnotations.Quarantine] = "exfiltration attempt" };

        var result = Compute(task, Pod(task, "Running"));

        (result.Status.Phase, result.StopSandbox, result.Status.Reason).Should().Be((AgentTaskPhase.Quarantined, true, AgentTaskConditionReasons.QuarantineRequested));
    }

    [Test]
    public void Spec_change_after_start_is_reported_and_not_applied()
    {
        var task = Tasks.Minimal();
        var pod = Pod(task, "Running");
        task.Spec.Prompt = "a new prompt";
        task.Metadata.Generation = 2;

        var condition = Condition(Compute(task, pod), AgentTaskConditionTypes.SpecApplied);

        (condition.Status, condition.Reason).Should().Be(("False", AgentTaskConditionReasons.SpecChangedAfterStart));
        condition.Message.Should().Contain("applies only to new tasks");
    }

    [Test]
    public void Debug_change_after_start_is_not_a_spec_change()
    {
        var task = Tasks.Minimal();
        var pod = Pod(task, "Running");
        task.Spec.Debug = new DebugAccess { AllowFrom = ["10.0.3.7/32"], Ports = [22], ExpiresAt = Now.AddHours(1) };

        Condition(Compute(task, pod), AgentTaskConditionTypes.SpecApplied).Status.Should().Be("True");
    }

    [Test]
    public void Observed_generation_follows_the_task()
    {
        var task = Tasks.Minimal();
        task.Metadata.Generation = 7;

        Compute(task, null).Status.ObservedGeneration.Should().Be(7);
    }

    [Test]
    public void Unchanged_condition_keeps_its_transition_time()
    {
        var task = Tasks.Minimal();
        var pod = Pod(task, "Running");
        task.Status = Compute(task, pod).Status;

        Condition(Compute(task, pod, now: Now.AddMinutes(5)), AgentTaskConditionTypes.SandboxReady).LastTransitionTime.Should().Be(Now);
    }

    [Test]
    public void Recomputing_an_unchanged_world_changes_nothing()
    {
        var task = Tasks.Minimal();
        var pod = Pod(task, "Running");
        task.Status = Compute(task, pod).Status;

        AgentTaskStatusCalculator.Differs(task.Status, Compute(task, pod, now: Now.AddMinutes(5)).Status).Should().BeFalse();
    }

    [Test]
    public void A_phase_change_is_a_difference()
    {
        var task = Tasks.Minimal();
        task.Status = Compute(task, null).Status;

        AgentTaskStatusCalculator.Differs(task.Status, Compute(task, Pod(task, "Running")).Status).Should().BeTrue();
    }

    [Test]
    public void Sub_second_clock_does_not_leak_into_the_status()
    {
        Compute(Tasks.Minimal(), null, now: Now.AddMilliseconds(700)).Status.Conditions!.Select(c => c.LastTransitionTime).Should().AllBeEquivalentTo(Now);
    }

    [Test]
    public void Finished_task_requeues_at_its_ttl()
    {
        var task = Tasks.Minimal();
        task.Spec.TtlSecondsAfterFinished = 600;

        var result = Compute(task, Pod(task, "Succeeded"));

        (result.RequeueAt, result.ChildrenExpired).Should().Be((Now.AddSeconds(600), false));
    }

    [Test]
    public void Ttl_expiry_tells_the_reconciler_to_delete_the_children()
    {
        var task = Tasks.Minimal();
        task.Status = Compute(task, Pod(task, "Succeeded")).Status;

        var result = Compute(task, Pod(task, "Succeeded"), now: Now.AddSeconds(AgentTaskStatusCalculator.DefaultTtlSeconds));

        (result.ChildrenExpired, result.RequeueAt).Should().Be((true, null));
    }

    [Test]
    public void Running_task_requeues_at_its_deadline()
    {
        var task = Tasks.Minimal();
        task.Spec.Timeout = "30m";

        Compute(task, Pod(task, "Running")).RequeueAt.Should().Be(Now.AddMinutes(20));
    }

    [Test]
    public void Open_debug_window_requeues_at_its_expiry()
    {
        var task = Tasks.Minimal();
        task.Spec.Debug = new DebugAccess { AllowFrom = ["10.0.3.7/32"], Ports = [22], ExpiresAt = Now.AddMinutes(5) };

        Compute(task, Pod(task, "Running")).RequeueAt.Should().Be(Now.AddMinutes(5));
    }
}
