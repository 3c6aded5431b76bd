using System.Net;
using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Install.Tests.ChartRbac;

/// <summary>
/// What the operator makes for a task, made here as admin so the gateway and the egress proxy can be tested alone: the
/// AgentTask (status Running), its service account <c>&lt;task&gt;-agent</c>, a Running labelled pod with an address, and a
/// gateway token bound to that pod.
/// </summary>
public sealed record AgentSandbox(IKubernetes Admin, string Namespace, string Name, IPAddress PodIp, string Token)
{
    public static async Task<AgentSandbox> StartAsync(IKubernetes admin, string @namespace, string name, AgentTaskSpec spec)
    {
        var account = name + "-agent";
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = account } }, @namespace);
        spec.Image = "ghcr.io/acme/agent@sha256:" + new string('a', 64);
        var task = new AgentTask { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace }, Spec = spec };
        await admin.CustomObjects.CreateNamespacedCustomObjectAsync(task, AgentsGroup.Name, AgentsGroup.Version, @namespace, AgentTask.KubePlural);
        await admin.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(new JsonObject { ["status"] = new JsonObject { ["phase"] = AgentTaskPhase.Running } }.ToJsonString(), V1Patch.PatchType.MergePatch),
            AgentsGroup.Name, AgentsGroup.Version, @namespace, AgentTask.KubePlural, name);
        await admin.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = account, Labels = new Dictionary<string, string> { [AirlockLabels.Task] = name, [AirlockLabels.Component] = "agent" } },
            Spec = new V1PodSpec { ServiceAccountName = account, AutomountServiceAccountToken = false, Containers = [new V1Container { Name = "agent", Image = spec.Image }] },
        }, @namespace);
        var pod = await Eventually.ValueAsync(async () =>
        {
            var p = await admin.CoreV1.ReadNamespacedPodAsync(account, @namespace);
            return p.Status?.Phase == "Running" && p.Status.PodIP is { Length: > 0 } ? p : null;
        }, "the sandbox pod to run with an address");
        var token = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest
        {
            Spec = new V1TokenRequestSpec
            {
                Audiences = [SandboxContract.TokenAudience],
                ExpirationSeconds = 600,
                BoundObjectRef = new V1BoundObjectReference { ApiVersion = "v1", Kind = "Pod", Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
            },
        }, account, @namespace);
        return new AgentSandbox(admin, @namespace, name, IPAddress.Parse(pod.Status.PodIP), token.Status.Token);
    }

    public async Task<AgentTask> ReadTaskAsync() =>
        KubernetesJson.Deserialize<AgentTask>(KubernetesJson.Serialize(
            await Admin.CustomObjects.GetNamespacedCustomObjectAsync(AgentsGroup.Name, AgentsGroup.Version, Namespace, AgentTask.KubePlural, Name)));
}
