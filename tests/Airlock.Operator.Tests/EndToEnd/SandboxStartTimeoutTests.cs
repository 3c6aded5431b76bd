using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Hosting;
using Airlock.Operator.Status;
using Airlock.Testing;
using k8s;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>A sandbox that never starts does not leave its task Pending forever: the operator's start timeout fails it.</summary>
[TestFixture]
public sealed class SandboxStartTimeoutTests
{
    [Test]
    public async Task Task_whose_runtime_class_is_missing_fails_at_the_start_timeout_naming_the_cause_and_loses_its_pod()
    {
        await using var env = await PrivateOperator.StartAsync();
        // A real API server rejects a pod naming a missing RuntimeClass at admission (no pod to time out); the simulated
        // kubelet leaves it Pending and unschedulable, as a node without the Kata handler would.
        env.Cluster.RequireLocal();
        var client = await ClusterPrerequisites.OperatorClientAsync(env.Cluster, "operator-start");
        await using var host = new OperatorHost(client, new OperatorSettings
        {
            SystemNamespace = ClusterPrerequisites.SystemNamespace,
            HealthAddress = null,
            SandboxStartTimeout = TimeSpan.FromSeconds(3),
        }, TestLogging.Factory);
        await host.StartAsync();
        await using var ns = await env.Cluster.CreateNamespaceAsync("start");
        var probe = new TaskProbe(env.Cluster.Client, ns.Name);

        // kata-qemu-snp is allowed by the built-in policy but not installed on this cluster.
        await env.Cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new AgentTask { Metadata = new() { Name = "stuck" }, Spec = new AgentTaskSpec { Image = TaskYaml.Image, RuntimeClassName = "kata-qemu-snp" } },
            AgentTask.KubeGroup, AgentsGroup.Version, ns.Name, AgentTask.KubePlural);

        var task = await probe.WaitForPhaseAsync("stuck", AgentTaskPhase.Failed);
        (task.Status!.Reason, task.Status.Message).Should().Be((SandboxStart.TimeoutReason,
            "the sandbox pod did not start within 3s of its creation: PodScheduled is False: Unschedulable: RuntimeClass \"kata-qemu-snp\" not found"));
        await Eventually.UntilAsync(async () => await probe.PodAsync("stuck") is null, "the unstarted pod to be deleted", TaskProbe.Timeout);
    }
}
