using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Testing;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>
/// A running sandbox pod changed with the real kubectl (its task label removed, so its NetworkPolicy no longer selects
/// it; its agent image replaced) is not trusted: the task fails, the pod is deleted, and an audit record says why.
/// </summary>
[TestFixture]
public sealed class PodTamperTests : NamespacedScenario
{
    protected override string Prefix => "tamper";

    protected override bool GrantsEditors => false;

    [SetUp]
    public async Task RunTaskAsync()
    {
        (await ApplyAsync(null, TaskYaml.For("agent", exitAfter: "1h"))).EnsureSuccess();
        await Probe.WaitForPhaseAsync("agent", AgentTaskPhase.Running);
    }

    [Test]
    public async Task A_pod_taken_out_of_its_network_policy_fails_the_task()
    {
        (await Cluster.Kubectl.RunAsync("label", "pod", "agent-agent", "-n", Ns.Name, $"{AirlockLabels.Task}-")).EnsureSuccess();

        var task = await Probe.WaitForPhaseAsync("agent", AgentTaskPhase.Failed);

        task.Status!.Message.Should().Be($"the sandbox pod was changed outside Airlock: label {AirlockLabels.Task} was removed");
        await Eventually.UntilAsync(async () => await Probe.PodAsync("agent") is null, "the sandbox pod to be deleted", TaskProbe.Timeout);
    }

    [Test]
    public async Task Another_image_with_a_rewritten_spec_hash_still_fails_the_task()
    {
        var patch = "{\"metadata\":{\"annotations\":{\"" + AirlockAnnotations.SpecHash + "\":\"0000\"}},"
            + "\"spec\":{\"containers\":[{\"name\":\"agent\",\"image\":\"evil.example/agent:latest\"}]}}";
        (await Cluster.Kubectl.RunAsync("patch", "pod", "agent-agent", "-n", Ns.Name, "-p", patch)).EnsureSuccess();

        var task = await Probe.WaitForPhaseAsync("agent", AgentTaskPhase.Failed);

        task.Status!.Message.Should().Be($"the sandbox pod was changed outside Airlock: annotation {AirlockAnnotations.SpecHash} was changed");
    }

    [Test]
    public async Task Another_image_for_the_agent_fails_the_task_with_an_audit_record()
    {
        (await Cluster.Kubectl.RunAsync("set", "image", "pod/agent-agent", "agent=evil.example/agent:latest", "-n", Ns.Name)).EnsureSuccess();

        var task = await Probe.WaitForPhaseAsync("agent", AgentTaskPhase.Failed);

        task.Status!.Message.Should().Contain("runs image \"evil.example/agent:latest\"");
        await Eventually.UntilAsync(
            () => Task.FromResult(OperatorSetUp.Audit.Snapshot().Any(r => r.Kind == "sandbox.tamper" && r.Namespace == Ns.Name && r.Task == "agent")),
            "a sandbox.tamper audit record", TaskProbe.Timeout);
    }
}
