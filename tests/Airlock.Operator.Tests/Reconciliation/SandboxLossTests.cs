using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Reconciliation;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Tests.Support;
using Airlock.Runtime;
using Airlock.Runtime.Controllers;
using k8s.Models;

namespace Airlock.Operator.Tests.Reconciliation;

/// <summary>
/// A started task is failed for a lost sandbox only on the API server's word, never on a cache's alone, and its children
/// are deleted only once its end is on record (the chaos run lost a task that way: its pod was deleted after the TTL in the
/// same reconcile whose status write then failed, and the retry saw a started task without a pod).
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SandboxLossTests
{
    private static readonly DateTimeOffset Now = FixedClock.GoldenNow;
    private readonly RecordingWriter _writer = new();
    private readonly FixedObserver _observer = new(ObservedSandbox.Empty);
    private readonly AgentTaskReconciler _reconciler;

    public SandboxLossTests()
    {
        // One reconciler (and one memory of its writes) across the reconciles of a test, as in the operator.
        _reconciler = new AgentTaskReconciler(_observer, _writer, new FixedPolicySource(BuiltinPolicy.Effective), new ListEventRecorder(), new RecentWrites(),
            SandboxSettings.Default with { Clock = new FixedClock(Now) });
    }

    private static AgentTask RunningTask()
    {
        var task = Tasks.Minimal();
        task.Metadata.Finalizers = [TaskFinalizer.Name];
        task.Metadata.ResourceVersion = "42";
        task.Spec.TtlSecondsAfterFinished = 10;
        task.Status = new AgentTaskStatus { Phase = AgentTaskPhase.Running, PodName = "hello-agent", StartTime = Now.UtcDateTime.AddMinutes(-2) };
        return task;
    }

    /// <summary>The sandbox of <paramref name="task"/>, its pod in <paramref name="podPhase"/> (a finished one exited a minute ago).</summary>
    private static ObservedSandbox Sandbox(AgentTask task, string podPhase)
    {
        var desired = AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, SandboxSettings.Default with { Clock = new FixedClock(Now) });
        desired.Pod.Metadata.Uid = "pod-uid-1";
        desired.Pod.Metadata.ResourceVersion = "40";
        desired.Pod.Status = new V1PodStatus { Phase = podPhase, StartTime = Now.UtcDateTime.AddMinutes(-2) };
        if (podPhase == "Succeeded")
        {
            desired.Pod.Status.ContainerStatuses =
            [
                new V1ContainerStatus { Name = "agent", State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0, FinishedAt = Now.UtcDateTime.AddMinutes(-1) } } },
            ];
        }
        return new ObservedSandbox(desired.ServiceAccount, null, null, desired.Prompt, desired.NetworkPolicy, desired.Pod);
    }

    private async Task<ReconcileResult> ReconcileAsync(AgentTask task) =>
        await _reconciler.ReconcileAsync(new ReconcileRequest<AgentTask>(ObjectKey.Of(task), task), CancellationToken.None);

    [Test]
    public async Task Task_first_seen_finished_past_its_ttl_records_its_end_before_deleting_anything()
    {
        var task = RunningTask();
        _observer.Observed = Sandbox(task, "Succeeded");

        var result = await ReconcileAsync(task);

        _writer.Writes.Should().Equal("status Succeeded");
        result.RequeueAfter.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Test]
    public async Task Task_whose_end_failed_to_be_written_still_ends_as_its_pod_did()
    {
        var task = RunningTask();
        _observer.Observed = Sandbox(task, "Succeeded");
        _writer.FailingStatusWrites = 1;
        _writer.LiveTask = task;
        var failed = () => ReconcileAsync(task);
        await failed.Should().ThrowAsync<HttpRequestException>();

        await ReconcileAsync(task);

        _writer.Writes.Should().Equal("status Succeeded");
    }

    [Test]
    public async Task Children_of_a_finished_task_go_once_its_end_is_on_record()
    {
        var task = RunningTask();
        _observer.Observed = Sandbox(task, "Succeeded");
        await ReconcileAsync(task);
        task.Status = _writer.LastStatus;
        _writer.Writes.Clear();

        await ReconcileAsync(task);

        _writer.Writes.Should().BeEquivalentTo(
            "delete ServiceAccount/hello-agent", "delete ConfigMap/hello-prompt", "delete NetworkPolicy/hello-sandbox", "delete Pod/hello-agent");
    }

    [Test]
    public async Task Pod_missing_from_a_lagging_cache_but_running_keeps_the_task_running()
    {
        var task = RunningTask();
        var sandbox = Sandbox(task, "Running");
        _observer.Observed = sandbox with { Pod = null };
        _writer.LivePod = sandbox.Pod;

        await ReconcileAsync(task);

        (_writer.LastStatus?.Phase).Should().Be(AgentTaskPhase.Running);
    }

    [Test]
    public async Task Pod_gone_after_the_task_ended_does_not_fail_it_when_the_cached_task_is_stale()
    {
        var task = RunningTask();
        _observer.Observed = Sandbox(task, "Running") with { Pod = null };
        var ended = RunningTask();
        ended.Metadata.ResourceVersion = "57";
        ended.Status!.Phase = AgentTaskPhase.Succeeded;
        ended.Status.CompletionTime = Now.UtcDateTime.AddMinutes(-1);
        _writer.LiveTask = ended;

        await ReconcileAsync(task);

        _writer.Writes.Should().NotContain("status Failed");
    }

    [Test]
    public async Task Pod_of_another_task_with_the_same_name_counts_as_gone()
    {
        var task = RunningTask();
        var sandbox = Sandbox(task, "Running");
        _observer.Observed = sandbox with { Pod = null };
        sandbox.Pod!.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "AgentTask", Name = "hello", Uid = "another-uid", Controller = true }];
        _writer.LivePod = sandbox.Pod;
        _writer.LiveTask = task;

        await ReconcileAsync(task);

        _writer.LastStatus!.Conditions.Should().Contain(c => c.Reason == AgentTaskConditionReasons.SandboxLost);
    }

    [Test]
    public async Task Deleted_task_is_left_alone_when_its_pod_is_gone()
    {
        var task = RunningTask();
        _observer.Observed = Sandbox(task, "Running") with { Pod = null };

        var result = await ReconcileAsync(task);

        (_writer.Writes.Count(w => !w.StartsWith("read", StringComparison.Ordinal)), result.RequeueAfter).Should().Be((0, null));
    }
}
