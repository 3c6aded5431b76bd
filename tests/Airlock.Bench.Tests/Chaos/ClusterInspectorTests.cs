using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Bench.Chaos;
using Airlock.Bench.Hosting;
using Airlock.Bench.Operator;
using k8s;
using k8s.Models;

namespace Airlock.Bench.Tests.Chaos;

/// <summary>The chaos judge itself, on hand-made states (no operator): it must see what it exists to see.</summary>
[NonParallelizable]
public sealed class ClusterInspectorTests
{
    private const string Ns = "judged";
    private BenchCluster _cluster = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _cluster = await BenchCluster.StartAsync(BuiltAirlock.StateDir("inspector"));
        await _cluster.CreateNamespaceAsync(Ns);
    }

    [TearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Two_pods_owned_by_one_task_count_as_a_duplicate()
    {
        var task = await BenchTasks.CreateAsync(_cluster.Admin, BenchTasks.New(Ns, "twice"));
        await CreateOwnedPodAsync(task, "twice-agent");
        await CreateOwnedPodAsync(task, "twice-agent-2");

        var verdict = await ClusterInspector.InspectAsync(_cluster.Admin, Ns, [new TaskPlan(task, AgentTaskPhase.Running, ExpectPod: true)], CancellationToken.None);

        verdict.DuplicatePods.Should().Be(1);
    }

    [Test]
    public async Task A_child_without_an_owner_counts_as_an_orphan()
    {
        // (A child whose owner is gone is collected by the control plane's garbage collector; one with no owner never is.)
        await _cluster.Admin.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = "left-prompt",
                Labels = new Dictionary<string, string> { [AirlockLabels.ManagedBy] = AirlockLabels.ManagedByValue },
            },
        }, Ns);

        var verdict = await ClusterInspector.InspectAsync(_cluster.Admin, Ns, [], CancellationToken.None);

        verdict.Orphans.Should().Be(1);
    }

    [Test]
    public async Task A_task_that_never_ran_counts_as_lost()
    {
        var task = await BenchTasks.CreateAsync(_cluster.Admin, BenchTasks.New(Ns, "idle"));

        var verdict = await ClusterInspector.InspectAsync(_cluster.Admin, Ns, [new TaskPlan(task, AgentTaskPhase.Running, ExpectPod: true)], CancellationToken.None);

        verdict.Lost.Should().Be(1);
        verdict.Ok.Should().BeFalse();
    }

    private Task<V1Pod> CreateOwnedPodAsync(AgentTask task, string name) =>
        _cluster.Admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Labels = new Dictionary<string, string> { [AirlockLabels.ManagedBy] = AirlockLabels.ManagedByValue },
                OwnerReferences = [Owner(task.Metadata.Name, task.Metadata.Uid)],
            },
            Spec = new V1PodSpec { RuntimeClassName = "kata-qemu", Containers = [new V1Container { Name = "agent", Image = BenchTasks.Image }] },
        }, Ns);

    private static V1OwnerReference Owner(string name, string uid) =>
        new() { ApiVersion = AgentTask.KubeApiVersion, Kind = AgentTask.KubeKind, Name = name, Uid = uid, Controller = true, BlockOwnerDeletion = true };
}
