using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Hosting;
using Airlock.Testing;
using k8s;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>Two operators on one Lease: only the leader reconciles, and stopping it mid-burst loses no task.</summary>
[TestFixture]
public sealed class LeaderFailoverTests
{
    private const int Burst = 12;

    [Test]
    public async Task Stopping_the_leader_mid_burst_loses_no_task_and_creates_no_second_pod()
    {
        await using var env = await PrivateOperator.StartAsync();
        // On a real cluster the shared end-to-end operator would reconcile the burst too and hide a failed takeover.
        env.Cluster.RequireLocal();
        var first = await env.AddOperatorAsync("operator-a", leaderElection: true);
        var second = await env.AddOperatorAsync("operator-b", leaderElection: true);
        await Eventually.UntilAsync(() => first.IsLeader || second.IsLeader, "one operator to lead");
        var (leader, follower) = first.IsLeader ? (first, second) : (second, first);
        follower.IsLeader.Should().BeFalse("only one operator holds the Lease");
        await using var ns = await env.Cluster.CreateNamespaceAsync("failover");
        var probe = new TaskProbe(env.Cluster.Client, ns.Name);

        for (var i = 0; i < Burst; i++)
        {
            if (i == Burst / 2) await leader.StopAsync();
            await CreateTaskAsync(env.Cluster.Client, ns.Name, $"burst-{i}");
        }

        foreach (var i in Enumerable.Range(0, Burst)) await probe.WaitForPhaseAsync($"burst-{i}", AgentTaskPhase.Running);
        follower.IsLeader.Should().BeTrue();
        var pods = await env.Cluster.Client.CoreV1.ListNamespacedPodAsync(ns.Name);
        pods.Items.GroupBy(p => p.Metadata.Labels[AirlockLabels.Task]).Should().HaveCount(Burst).And.OnlyContain(g => g.Count() == 1);
    }

    [Test]
    public async Task Follower_does_not_reconcile_while_the_leader_holds_the_lease()
    {
        await using var env = await PrivateOperator.StartAsync();
        var first = await env.AddOperatorAsync("operator-a", leaderElection: true);
        var second = await env.AddOperatorAsync("operator-b", leaderElection: true);
        await Eventually.UntilAsync(() => first.IsLeader || second.IsLeader, "one operator to lead");
        var follower = first.IsLeader ? second : first;
        await using var ns = await env.Cluster.CreateNamespaceAsync("follower");
        await CreateTaskAsync(env.Cluster.Client, ns.Name, "one");

        await new TaskProbe(env.Cluster.Client, ns.Name).WaitForPhaseAsync("one", AgentTaskPhase.Running);

        var local = env.Cluster.RequireLocal();
        var followerUser = ClusterPrerequisites.OperatorUser(follower == first ? "operator-a" : "operator-b");
        local.Counters.Snapshot().Where(kv => kv.Key.User == followerUser && kv.Key.Resource is "pods" or "agenttasks.agents.airlock.dev/status" && kv.Key.Verb is "create" or "patch")
            .Should().BeEmpty("a follower keeps warm caches but writes nothing");
    }

    private static Task CreateTaskAsync(IKubernetes client, string ns, string name) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new AgentTask
            {
                Metadata = new() { Name = name },
                Spec = new AgentTaskSpec { Image = TaskYaml.Image, RuntimeClassName = "kata-qemu" },
            },
            AgentTask.KubeGroup, AgentsGroup.Version, ns, AgentTask.KubePlural);
}
