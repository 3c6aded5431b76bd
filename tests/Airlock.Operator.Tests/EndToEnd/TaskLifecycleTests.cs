using Airlock.Api.Tasks;
using Airlock.Testing;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>How a task ends, and what happens to its sandbox afterwards.</summary>
[TestFixture]
public sealed class TaskLifecycleTests
{
    private TestNamespace _ns = null!;
    private TaskProbe _probe = null!;

    private static TestCluster Cluster => OperatorSetUp.Cluster;

    [SetUp]
    public async Task CreateNamespaceAsync()
    {
        _ns = await Cluster.CreateNamespaceAsync("life");
        _probe = new TaskProbe(Cluster.Client, _ns.Name);
    }

    [TearDown]
    public async Task DeleteNamespaceAsync() => await _ns.DisposeAsync();

    [Test]
    public async Task Agent_exiting_zero_makes_the_task_succeed()
    {
        await ApplyAsync(TaskYaml.For("done", exitAfter: "1s", ttlSeconds: 3600));

        var task = await _probe.WaitForPhaseAsync("done", AgentTaskPhase.Succeeded);

        task.Status!.CompletionTime.Should().NotBeNull();
        task.Status.Conditions.Should().Contain(c => c.Type == AgentTaskConditionTypes.Completed && c.Reason == AgentTaskConditionReasons.Succeeded);
    }

    [Test]
    public async Task Sandbox_is_deleted_ttl_seconds_after_the_end_and_the_task_stays_as_the_record()
    {
        await ApplyAsync(TaskYaml.For("ttl", exitAfter: "1s", ttlSeconds: 2));
        await _probe.WaitForPhaseAsync("ttl", AgentTaskPhase.Succeeded);

        await _probe.WaitForNoChildrenAsync("ttl");

        (await _probe.GetAsync("ttl"))!.Status!.Phase.Should().Be(AgentTaskPhase.Succeeded);
    }

    [Test]
    public async Task Agent_exiting_non_zero_makes_the_task_fail_with_the_exit_code()
    {
        await ApplyAsync(TaskYaml.For("crash", exitAfter: "1s", exitCode: 3));

        var task = await _probe.WaitForPhaseAsync("crash", AgentTaskPhase.Failed);

        task.Status!.Message.Should().Contain("code 3");
    }

    [Test]
    public async Task Task_running_past_its_timeout_times_out_through_the_pod_deadline()
    {
        await ApplyAsync(TaskYaml.For("slow", exitAfter: "1h", timeout: "2s"));

        var task = await _probe.WaitForPhaseAsync("slow", AgentTaskPhase.TimedOut);

        task.Status!.Conditions.Should().Contain(c => c.Type == AgentTaskConditionTypes.Completed && c.Reason == AgentTaskConditionReasons.DeadlineExceeded);
        (await _probe.PodAsync("slow"))!.Status.Reason.Should().Be("DeadlineExceeded");
    }

    [Test]
    public async Task Deleting_the_task_with_kubectl_removes_every_child()
    {
        await ApplyAsync(TaskYaml.For("gone"));
        await _probe.WaitForPhaseAsync("gone", AgentTaskPhase.Running);

        (await Cluster.Kubectl.RunAsync("delete", "agenttask", "gone", "-n", _ns.Name, "--wait=true")).EnsureSuccess();

        await _probe.WaitForNoChildrenAsync("gone");
        (await _probe.GetAsync("gone")).Should().BeNull();
    }

    [Test]
    public async Task Orphaning_delete_still_removes_the_sandbox_through_the_finalizer()
    {
        await ApplyAsync(TaskYaml.For("orphan"));
        await _probe.WaitForPhaseAsync("orphan", AgentTaskPhase.Running);

        (await Cluster.Kubectl.RunAsync("delete", "agenttask", "orphan", "-n", _ns.Name, "--cascade=orphan")).EnsureSuccess();

        await _probe.WaitForNoChildrenAsync("orphan");
    }

    [Test]
    public async Task Pod_deleted_while_running_fails_the_task_instead_of_starting_a_new_sandbox()
    {
        await ApplyAsync(TaskYaml.For("lost"));
        await _probe.WaitForPhaseAsync("lost", AgentTaskPhase.Running);
        var first = (await _probe.PodAsync("lost"))!;

        (await Cluster.Kubectl.RunAsync("delete", "pod", first.Metadata.Name, "-n", _ns.Name, "--wait=true")).EnsureSuccess();

        var task = await _probe.WaitForPhaseAsync("lost", AgentTaskPhase.Failed);
        task.Status!.Conditions.Should().Contain(c => c.Type == AgentTaskConditionTypes.Completed && c.Reason == AgentTaskConditionReasons.SandboxLost);
        (await _probe.PodAsync("lost")).Should().BeNull();
    }

    [Test]
    public async Task Spec_change_while_running_leaves_the_pod_alone_and_says_so_in_status()
    {
        await ApplyAsync(TaskYaml.For("edit", prompt: "First prompt."));
        await _probe.WaitForPhaseAsync("edit", AgentTaskPhase.Running);
        var before = (await _probe.PodAsync("edit"))!;

        await ApplyAsync(TaskYaml.For("edit", prompt: "Second prompt.", timeout: "2h"));

        await Eventually.UntilAsync(
            async () => (await _probe.GetAsync("edit"))?.Status?.Conditions?.Any(c =>
                c.Type == AgentTaskConditionTypes.SpecApplied && c.Status == "False" && c.Reason == AgentTaskConditionReasons.SpecChangedAfterStart) == true,
            "SpecApplied=False", TaskProbe.Timeout);
        var after = (await _probe.PodAsync("edit"))!;
        after.Metadata.Uid.Should().Be(before.Metadata.Uid);
        after.Spec.ActiveDeadlineSeconds.Should().Be(before.Spec.ActiveDeadlineSeconds);
    }

    private async Task ApplyAsync(string yaml) =>
        (await Cluster.Kubectl.RunAsync(["apply", "-n", _ns.Name, "-f", "-"], yaml)).EnsureSuccess();
}
