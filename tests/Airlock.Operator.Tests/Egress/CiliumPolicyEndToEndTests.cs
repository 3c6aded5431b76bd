using System.Net;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Egress;
using Airlock.Operator.Hosting;
using Airlock.Operator.Tests.EndToEnd;
using Airlock.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Tests.Egress;

/// <summary>
/// The operator with <c>--cilium-policies</c> against the local control plane (with Cilium's CRD installed): which
/// CiliumNetworkPolicies a task gets, and that they go when the task ends or is deleted, the proxy-side one included
/// although it lives in the system namespace without an owner reference.
/// </summary>
[NonParallelizable]
public sealed class CiliumPolicyEndToEndTests
{
    private const string SystemNamespace = ClusterPrerequisites.SystemNamespace;
    private TestCluster _cluster = null!;
    private OperatorHost _operator = null!;

    private IKubernetes Client => _cluster.Client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await TestCluster.StartPrivateAsync();
        _cluster.RequireLocal();
        await ClusterPrerequisites.EnsureAsync(Client);
        await CiliumCrd.InstallAsync(Client);
        // Left behind by an operator that was down while its task was deleted: the next operator removes it.
        await CreatePolicyAsync(SystemNamespace, "egress.gone.task", "gone/task");
        _operator = await StartOperatorAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _operator.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private async Task<OperatorHost> StartOperatorAsync()
    {
        var host = new OperatorHost(await ClusterPrerequisites.OperatorClientAsync(_cluster), new OperatorSettings
        {
            SystemNamespace = SystemNamespace,
            HealthAddress = null,
            Cilium = new CiliumSettings(),
            Identity = "cilium-test",
        }, TestLogging.Factory);
        await host.StartAsync();
        return host;
    }

    private async Task<string> CreateTaskAsync(string name, string? exitAfter = null)
    {
        var ns = (await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "cilium-" } })).Metadata.Name;
        var task = new AgentTask
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new AgentTaskSpec
            {
                Image = TaskYaml.Image,
                RuntimeClassName = "kata-clh",
                Resources = new TaskResources { Cpu = "500m", Memory = "1Gi", EphemeralStorage = "2Gi" },
                Egress = [new EgressRule { Host = "api.github.com" }],
                Env = exitAfter is null ? null : [new TaskEnvVar { Name = "SIM_EXIT_AFTER", Value = exitAfter }],
            },
        };
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(task, AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural);
        return ns;
    }

    private async Task<CiliumNetworkPolicy?> ReadPolicyAsync(string ns, string name)
    {
        try
        {
            return KubernetesJson.Deserialize<CiliumNetworkPolicy>(KubernetesJson.Serialize(await Client.CustomObjects.GetNamespacedCustomObjectAsync(
                CiliumNetworkPolicy.KubeGroup, CiliumNetworkPolicy.KubeVersion, ns, CiliumNetworkPolicy.KubePlural, name)));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private Task CreatePolicyAsync(string ns, string name, string taskKey) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync(new CiliumNetworkPolicy
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { [AirlockLabels.ManagedBy] = AirlockLabels.ManagedByValue },
                Annotations = new Dictionary<string, string> { [CiliumNames.TaskAnnotation] = taskKey },
            },
        }, CiliumNetworkPolicy.KubeGroup, CiliumNetworkPolicy.KubeVersion, ns, CiliumNetworkPolicy.KubePlural);

    private async Task<CiliumNetworkPolicy> PolicyEventuallyAsync(string ns, string name) =>
        await Eventually.ValueAsync(() => ReadPolicyAsync(ns, name), $"CiliumNetworkPolicy {ns}/{name}");

    private Task GoneEventuallyAsync(string ns, string name) =>
        Eventually.UntilAsync(async () => await ReadPolicyAsync(ns, name) is null, $"CiliumNetworkPolicy {ns}/{name} to be deleted");

    [Test]
    public async Task A_task_gets_a_dns_policy_for_its_sandbox_and_an_egress_policy_for_the_proxy()
    {
        var ns = await CreateTaskAsync("both");

        var sandbox = await PolicyEventuallyAsync(ns, "both-sandbox");
        var proxy = await PolicyEventuallyAsync(SystemNamespace, $"egress.{ns}.both");

        sandbox.Metadata.OwnerReferences.Should().ContainSingle(o => o.Kind == AgentTask.KubeKind && o.Name == "both");
        sandbox.Spec["egress"]!.ToJsonString().Should().NotContain("toFQDNs");
        proxy.Spec["egress"]!.ToJsonString().Should().Contain("""{"matchName":"api.github.com"}""");
    }

    [Test]
    public async Task The_sandbox_network_policy_leaves_dns_to_the_cilium_policy()
    {
        var ns = await CreateTaskAsync("np");

        var policy = await Eventually.ValueAsync(async () =>
            (await Client.NetworkingV1.ListNamespacedNetworkPolicyAsync(ns)).Items.FirstOrDefault(p => p.Metadata.Name == "np-sandbox"), "the sandbox NetworkPolicy");

        policy.Spec.Egress.SelectMany(r => r.Ports ?? []).Should().NotContain(p => p.Port.Value == "53");
    }

    [Test]
    public async Task Deleting_the_task_deletes_the_proxy_policy_in_the_system_namespace()
    {
        var ns = await CreateTaskAsync("deleted");
        await PolicyEventuallyAsync(SystemNamespace, $"egress.{ns}.deleted");

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, "deleted");

        await GoneEventuallyAsync(SystemNamespace, $"egress.{ns}.deleted");
    }

    [Test]
    public async Task A_finished_task_keeps_neither_policy()
    {
        var ns = await CreateTaskAsync("finished", exitAfter: "1s");
        await PolicyEventuallyAsync(SystemNamespace, $"egress.{ns}.finished");

        await GoneEventuallyAsync(SystemNamespace, $"egress.{ns}.finished");
        await GoneEventuallyAsync(ns, "finished-sandbox");
    }

    [Test]
    public async Task A_proxy_policy_left_behind_by_a_deleted_task_is_removed_when_the_operator_starts() =>
        await GoneEventuallyAsync(SystemNamespace, "egress.gone.task");
}
