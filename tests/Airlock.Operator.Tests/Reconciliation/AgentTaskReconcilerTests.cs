using Airlock.Api.Tasks;
using Airlock.Operator.Governance.Approval;
using Airlock.Operator.Policies;
using Airlock.Operator.Reconciliation;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using Airlock.Runtime;
using Airlock.Runtime.Controllers;
using k8s.Models;

namespace Airlock.Operator.Tests.Reconciliation;

/// <summary>The reconciler's decisions with a fake observer and a recording writer (no API server).</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AgentTaskReconcilerTests
{
    private static readonly DateTimeOffset Now = FixedClock.GoldenNow;
    private readonly RecordingWriter _writer = new();
    private readonly ListEventRecorder _events = new();
    private readonly FixedObserver _observer = new(ObservedSandbox.Empty);

    private readonly ApprovalSeal _seal = ApprovalSeal.Generate();
    private readonly FixedPolicySource _policy = new(BuiltinPolicy.Effective);

    private AgentTaskReconciler Reconciler() => new(
        _observer, _writer, _policy, _events, new RecentWrites(), SandboxSettings.Default with { Clock = new FixedClock(Now) }, seal: _seal);

    private static AgentTask Task(string? phase = null)
    {
        var task = Tasks.Minimal();
        task.Metadata.Finalizers = [TaskFinalizer.Name];
        task.Metadata.CreationTimestamp = Now.UtcDateTime.AddMinutes(-1);
        if (phase is not null) task.Status = new AgentTaskStatus { Phase = phase, PodName = "hello-agent", StartTime = Now.UtcDateTime.AddSeconds(-30) };
        return task;
    }

    private async Task<ReconcileResult> ReconcileAsync(AgentTask task) =>
        await Reconciler().ReconcileAsync(new ReconcileRequest<AgentTask>(ObjectKey.Of(task), task), CancellationToken.None);

    private ObservedSandbox Built(AgentTask task, string podPhase)
    {
        var desired = AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, SandboxSettings.Default with { Clock = new FixedClock(Now) });
        desired.Pod.Status = new V1PodStatus { Phase = podPhase, StartTime = Now.UtcDateTime.AddSeconds(-30) };
        return new ObservedSandbox(desired.ServiceAccount, null, null, desired.Prompt, desired.NetworkPolicy, desired.Pod);
    }

    [Test]
    public async Task New_task_gets_the_finalizer_its_children_and_a_pending_status()
    {
        var task = Task();
        task.Metadata.Finalizers = null;

        await ReconcileAsync(task);

        _writer.Writes.Should().Equal(
            "finalizers [agents.airlock.dev/cleanup]", "create ServiceAccount/hello-agent", "create ConfigMap/hello-prompt",
            "create NetworkPolicy/hello-sandbox", "create Pod/hello-agent", "status Pending");
    }

    [Test]
    public async Task Task_whose_pod_is_still_starting_when_looked_at_again_gets_a_pending_status()
    {
        var task = Task();
        _observer.Observed = Built(task, "Pending");

        await ReconcileAsync(task);

        _writer.Writes.Should().Equal("status Pending");
    }

    [Test]
    public async Task Task_whose_pod_runs_before_its_status_was_written_goes_straight_to_running()
    {
        var task = Task();
        _observer.Observed = Built(task, "Running");

        await ReconcileAsync(task);

        _writer.Writes.Should().Equal("status Running");
    }

    [Test]
    public async Task Running_task_whose_status_is_current_causes_no_write()
    {
        var task = Task();
        _observer.Observed = Built(task, "Running");
        await ReconcileAsync(task);
        task.Status = _writer.LastStatus;
        _writer.Writes.Clear();

        await ReconcileAsync(task);

        _writer.Writes.Should().BeEmpty();
    }

    [Test]
    public async Task Running_task_whose_pod_vanished_fails_without_a_new_pod()
    {
        var task = Task(AgentTaskPhase.Running);
        task.Metadata.ResourceVersion = "42";
        _observer.Observed = Built(task, "Running") with { Pod = null };
        _writer.LiveTask = task;

        await ReconcileAsync(task);

        _writer.Writes.Should().Equal("read Pod/hello-agent", "read AgentTask/hello", "status Failed (if resourceVersion 42)");
        _writer.LastStatus!.Conditions.Should().Contain(c => c.Reason == AgentTaskConditionReasons.SandboxLost);
    }

    [Test]
    public async Task Finished_task_is_requeued_at_its_ttl()
    {
        var task = Task();
        task.Spec.TtlSecondsAfterFinished = 60;
        _observer.Observed = Built(task, "Succeeded");

        var result = await ReconcileAsync(task);

        result.RequeueAfter.Should().BeCloseTo(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
    }

    [Test]
    public async Task Finished_task_past_its_ttl_deletes_every_child_and_keeps_its_phase()
    {
        var task = Task(AgentTaskPhase.Succeeded);
        task.Spec.TtlSecondsAfterFinished = 10;
        task.Status!.CompletionTime = Now.UtcDateTime.AddSeconds(-11);
        _observer.Observed = Built(task, "Succeeded");

        await ReconcileAsync(task);

        _writer.Writes.Where(w => w.StartsWith("delete", StringComparison.Ordinal)).Should().BeEquivalentTo(
            "delete ServiceAccount/hello-agent", "delete ConfigMap/hello-prompt", "delete NetworkPolicy/hello-sandbox", "delete Pod/hello-agent");
        (_writer.LastStatus?.Phase ?? task.Status.Phase).Should().Be(AgentTaskPhase.Succeeded);
    }

    [Test]
    public async Task Task_whose_pod_never_started_fails_then_its_pod_is_deleted()
    {
        var task = Task(AgentTaskPhase.Pending);
        task.Status!.StartTime = null;
        _observer.Observed = Built(task, "Pending");
        _observer.Observed.Pod!.Metadata.CreationTimestamp = Now.UtcDateTime.AddMinutes(-10);

        await ReconcileAsync(task);

        _writer.Writes.Should().Equal("status Failed", "delete Pod/hello-agent");
        _writer.LastStatus!.Reason.Should().Be(Airlock.Operator.Status.SandboxStart.TimeoutReason);
    }

    [Test]
    public async Task Deleted_task_loses_its_children_then_its_finalizer()
    {
        var task = Task(AgentTaskPhase.Running);
        task.Metadata.DeletionTimestamp = Now.UtcDateTime;
        _observer.Observed = Built(task, "Running");

        await ReconcileAsync(task);

        _writer.Writes.Last().Should().Be("finalizers []");
        _writer.Writes.Should().HaveCount(5).And.Contain("delete Pod/hello-agent");
    }

    [Test]
    public async Task Task_awaiting_approval_gets_no_sandbox()
    {
        var task = Task();
        task.Spec.Approval = new ApprovalRequest { Required = true };

        await ReconcileAsync(task);

        _writer.Writes.Should().Equal("status AwaitingApproval");
    }

    [Test]
    public async Task Task_with_a_sealed_approval_gets_its_sandbox_and_an_approved_event()
    {
        var task = Task();
        task.Spec.Approval = new ApprovalRequest { Required = true };
        Approve(task, _seal);

        await ReconcileAsync(task);

        _writer.Writes.Should().Contain("create Pod/hello-agent");
        (_writer.LastStatus!.Phase, _writer.LastStatus.ApprovedBy).Should().Be((AgentTaskPhase.Pending, "bob"));
        _events.Events.Should().Contain("Normal Approved");
    }

    [Test]
    public async Task Approval_annotations_written_past_the_webhook_approve_nothing()
    {
        var task = Task();
        task.Spec.Approval = new ApprovalRequest { Required = true };
        Approve(task, ApprovalSeal.Generate());

        await ReconcileAsync(task);

        _writer.Writes.Should().Equal("status AwaitingApproval");
    }

    [Test]
    public async Task Waiting_task_is_rejected_when_the_policy_no_longer_allows_it()
    {
        var task = Task();
        task.Spec.RuntimeClassName = "kata-fc";
        _policy.Policy = BuiltinPolicy.Effective with { AllowedRuntimeClasses = ["kata-qemu"] };

        await ReconcileAsync(task);

        _writer.Writes.Should().Equal("status Rejected");
        _writer.LastStatus!.Message.Should().Be("the task does not satisfy the current policy: spec.runtimeClassName: \"kata-fc\" is not allowed; use one of kata-qemu");
    }

    [Test]
    public async Task Running_task_is_left_alone_when_the_policy_tightens()
    {
        var task = Task(AgentTaskPhase.Running);
        task.Spec.RuntimeClassName = "kata-fc";
        _observer.Observed = Built(task, "Running");
        _policy.Policy = BuiltinPolicy.Effective with { AllowedRuntimeClasses = ["kata-qemu"] };

        await ReconcileAsync(task);

        _writer.Writes.Should().NotContain(w => w.StartsWith("delete", StringComparison.Ordinal) || w == "status Rejected");
    }

    private static void Approve(AgentTask task, ApprovalSeal seal)
    {
        const string at = "2026-03-01T11:00:00Z";
        task.Metadata.Annotations = new Dictionary<string, string>
        {
            [Api.AirlockAnnotations.ApprovedBy] = "bob",
            [Api.AirlockAnnotations.ApprovedAt] = at,
            [Api.AirlockAnnotations.ApprovalSeal] = seal.Sign(task, "bob", at),
        };
    }
}
