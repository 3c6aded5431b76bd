using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Testing;
using k8s;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>
/// Human approval with alice (creator) and bob: no sandbox while waiting, self-approval and unauthorised approval refused,
/// an authorised approval recorded with the approver and the task run; forged annotations and status approve nothing.
/// </summary>
[TestFixture]
public sealed class ApprovalTests : NamespacedScenario
{
    protected override string Prefix => "appr";

    [SetUp]
    public async Task PrepareAsync()
    {
        (await ApplyAsync("alice", TaskYaml.For("risky") + "  approval: {required: true}\n")).EnsureSuccess();
        await Probe.WaitForPhaseAsync("risky", AgentTaskPhase.AwaitingApproval);
    }

    private Task<KubectlResult> AnnotateAsync(string user, string annotation) =>
        Cluster.KubectlAs(user).RunAsync("annotate", "agenttask", "risky", "-n", Ns.Name, "--overwrite", annotation);

    [Test]
    public async Task Waiting_task_has_no_pod_and_no_token()
    {
        (await Probe.PodAsync("risky")).Should().BeNull();
        (await Probe.ChildrenAsync("risky")).Should().NotContain(c => c.StartsWith("Pod/", StringComparison.Ordinal));
    }

    [Test]
    public async Task Creator_cannot_approve_their_own_task()
    {
        await GovernanceRbac.GrantAsync(Cluster.Client, Ns.Name, GovernanceRbac.Approver, "alice");

        var result = await AnnotateAsync("alice", $"{AirlockAnnotations.ApprovedBy}=");

        result.Stderr.Should().Contain("alice created this task and may not approve it; another person must approve");
        (await Probe.GetAsync("risky"))!.Status!.Phase.Should().Be(AgentTaskPhase.AwaitingApproval);
    }

    [Test]
    public async Task User_without_the_approve_verb_cannot_approve()
    {
        var result = await AnnotateAsync("bob", $"{AirlockAnnotations.ApprovedBy}=");

        result.Stderr.Should().Contain($"bob may not approve agenttasks.agents.airlock.dev in namespace {Ns.Name}");
    }

    [Test]
    public async Task Authorised_approval_runs_the_task_and_records_the_approver()
    {
        await GovernanceRbac.GrantAsync(Cluster.Client, Ns.Name, GovernanceRbac.Approver, "bob");

        (await AnnotateAsync("bob", $"{AirlockAnnotations.ApprovedBy}=")).EnsureSuccess();

        var task = await Probe.WaitForPhaseAsync("risky", AgentTaskPhase.Running);
        (task.Status!.ApprovedBy, task.Status.ApprovedAt).Should().Match<(string?, DateTime?)>(s => s.Item1 == "bob" && s.Item2 != null);
        var events = await Cluster.Client.CoreV1.ListNamespacedEventAsync(Ns.Name, fieldSelector: "involvedObject.name=risky");
        events.Items.Should().Contain(e => e.Reason == "Approved" && e.Message.StartsWith("Approved by bob", StringComparison.Ordinal));
    }

    [Test]
    public async Task Airlock_approve_as_bob_through_the_kubeconfig_context_runs_the_task()
    {
        await GovernanceRbac.GrantAsync(Cluster.Client, Ns.Name, GovernanceRbac.Approver, "bob");

        var result = await AirlockCommand.RunAsync("approve", "risky", "-n", Ns.Name, "--kubeconfig", Cluster.KubeconfigPath, "--context", "bob");

        result.EnsureSuccess().Stdout.Should().StartWith($"agenttask {Ns.Name}/risky approved by bob at ");
        await Probe.WaitForPhaseAsync("risky", AgentTaskPhase.Running);
    }

    [Test]
    public async Task Kubectl_airlock_approve_as_the_creator_is_refused()
    {
        await GovernanceRbac.GrantAsync(Cluster.Client, Ns.Name, GovernanceRbac.Approver, "alice");

        var result = await AirlockCommand.KubectlPluginAsync("approve", "risky", "-n", Ns.Name, "--kubeconfig", Cluster.KubeconfigPath, "--context", "alice");

        (result.ExitCode, result.Stderr).Should().Match<(int, string)>(r => r.Item1 == 1 && r.Item2.Contains("may not approve it"));
    }

    [Test]
    public async Task Airlock_reject_ends_the_task_as_rejected_with_the_reason()
    {
        await GovernanceRbac.GrantAsync(Cluster.Client, Ns.Name, GovernanceRbac.Approver, "bob");

        (await AirlockCommand.RunAsync("reject", "risky", "-n", Ns.Name, "--kubeconfig", Cluster.KubeconfigPath, "--context", "bob", "--reason", "too broad")).EnsureSuccess();

        (await Probe.WaitForPhaseAsync("risky", AgentTaskPhase.Rejected)).Status!.Message.Should().Be("rejected by bob: too broad");
    }

    [Test]
    public async Task Approval_names_whoever_wrote_it_not_the_name_written()
    {
        (await Cluster.Kubectl.RunAsync("annotate", "agenttask", "risky", "-n", Ns.Name, "--overwrite",
            $"{AirlockAnnotations.ApprovedBy}=bob", $"{AirlockAnnotations.ApprovalSeal}=v1.{new string('0', 64)}.{new string('0', 64)}")).EnsureSuccess();

        (await Probe.WaitForPhaseAsync("risky", AgentTaskPhase.Running)).Status!.ApprovedBy.Should().Be("admin");
    }

    [Test]
    public async Task Writing_approved_by_into_the_status_is_refused()
    {
        var result = await Cluster.Kubectl.RunAsync("patch", "agenttask", "risky", "-n", Ns.Name, "--subresource=status", "--type=merge",
            "-p", "{\"status\":{\"approvedBy\":\"bob\",\"phase\":\"Pending\"}}");

        result.Stderr.Should().Contain("status.approvedBy: \"bob\" is not the recorded approver");
    }
}
