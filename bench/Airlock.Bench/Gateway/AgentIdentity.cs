using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Bench.Operator;
using k8s;
using k8s.Models;

namespace Airlock.Bench.Gateway;

/// <summary>
/// What the operator would have made for one agent that calls the gateway: a Running task allowing the model, its
/// service account, a running pod as that account, and a projected-style token (audience airlock-gateway) bound to the pod.
/// </summary>
public static class AgentIdentity
{
    public const string Model = "gpt-4.1-mini";

    /// <summary>Returns the agent's bearer token.</summary>
    public static async Task<string> CreateAsync(IKubernetes client, string ns, string name, CancellationToken cancellationToken)
    {
        var account = name + "-agent";
        await client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = account } }, ns, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var task = BenchTasks.New(ns, name);
        // Ceilings far above what a benchmark sends: the figures measure the checks, not refusals.
        task.Spec.Model = new ModelAccess { Provider = "openai", AllowedModels = [Model], RequestsPerMinute = 100_000_000, TokensPerMinute = 100_000_000_000 };
        var created = await BenchTasks.CreateAsync(client, task, cancellationToken).ConfigureAwait(false);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(new JsonObject { ["status"] = new JsonObject { ["phase"] = AgentTaskPhase.Running } }.ToJsonString(), V1Patch.PatchType.MergePatch),
            AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
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
                RuntimeClassName = "kata-qemu",
                Containers = [new V1Container { Name = "agent", Image = BenchTasks.Image }],
            },
        }, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        var token = await client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest
        {
            Spec = new V1TokenRequestSpec
            {
                Audiences = [SandboxContract.TokenAudience],
                ExpirationSeconds = 3600,
                BoundObjectRef = new V1BoundObjectReference { ApiVersion = "v1", Kind = "Pod", Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
            },
        }, account, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        return token.Status.Token;
    }
}
