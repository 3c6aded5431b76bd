using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Schema;
using Airlock.Api.Tasks;
using Airlock.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// Makes what the operator would make for a task (the operator is not needed by the gateway): the AgentTask (status
/// Running), its ServiceAccount <c>&lt;task&gt;-agent</c>, a labelled pod running as it, and a token bound to that pod.
/// </summary>
public static class AgentFactory
{
    private static readonly SemaphoreSlim CrdGate = new(1, 1);

    public static async Task InstallCrdAsync(IKubernetes client)
    {
        await CrdGate.WaitAsync();
        try
        {
            try
            {
                await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CrdGenerator.Generate(AirlockCrds.AgentTasks));
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Installed by an earlier fixture.
            }
            await Eventually.UntilAsync(async () =>
            {
                await client.CustomObjects.ListClusterCustomObjectAsync(AgentsGroup.Name, AgentsGroup.Version, AgentTask.KubePlural);
                return true;
            }, "the AgentTask CRD to be served");
        }
        finally
        {
            CrdGate.Release();
        }
    }

    public static async Task<TestAgent> CreateAsync(IKubernetes client, string @namespace, string name, ModelAccess model, string audience = SandboxContract.TokenAudience)
    {
        var account = name + "-agent";
        await client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = account } }, @namespace);
        var task = new AgentTask
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            Spec = new AgentTaskSpec { Image = "ghcr.io/acme/agent@sha256:" + new string('a', 64), Model = model },
        };
        var created = KubernetesJson.Deserialize<AgentTask>(KubernetesJson.Serialize(
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(task, AgentsGroup.Name, AgentsGroup.Version, @namespace, AgentTask.KubePlural)));
        await SetPhaseAsync(client, @namespace, name, AgentTaskPhase.Running);
        var pod = await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = account,
                Labels = new Dictionary<string, string> { [AirlockLabels.Task] = name },
                OwnerReferences = [new V1OwnerReference { ApiVersion = AgentTask.KubeApiVersion, Kind = AgentTask.KubeKind, Name = name, Uid = created.Metadata.Uid, Controller = true }],
            },
            Spec = new V1PodSpec
            {
                ServiceAccountName = account,
                AutomountServiceAccountToken = false,
                Containers = [new V1Container { Name = "agent", Image = task.Spec.Image }],
            },
        }, @namespace);
        var token = await IssueTokenAsync(client, @namespace, account, pod, audience);
        return new TestAgent(@namespace, name, pod.Metadata.Name, pod.Metadata.Uid, created.Metadata.Uid, token);
    }

    public static async Task<string> IssueTokenAsync(IKubernetes client, string @namespace, string account, V1Pod pod, string audience)
    {
        var request = await client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest
        {
            Spec = new V1TokenRequestSpec
            {
                Audiences = [audience],
                ExpirationSeconds = 600,
                BoundObjectRef = new V1BoundObjectReference { ApiVersion = "v1", Kind = "Pod", Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
            },
        }, account, @namespace);
        return request.Status.Token;
    }

    public static Task SetPhaseAsync(IKubernetes client, string @namespace, string name, string phase) =>
        client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(new JsonObject { ["status"] = new JsonObject { ["phase"] = phase } }.ToJsonString(), V1Patch.PatchType.MergePatch),
            AgentsGroup.Name, AgentsGroup.Version, @namespace, AgentTask.KubePlural, name);

    public static async Task<AgentTask> GetTaskAsync(IKubernetes client, string @namespace, string name) =>
        KubernetesJson.Deserialize<AgentTask>(KubernetesJson.Serialize(
            await client.CustomObjects.GetNamespacedCustomObjectAsync(AgentsGroup.Name, AgentsGroup.Version, @namespace, AgentTask.KubePlural, name)));
}
