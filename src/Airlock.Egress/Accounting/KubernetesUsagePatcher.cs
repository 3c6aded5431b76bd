using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Egress.Accounting;

/// <summary>A JSON merge patch of <c>status.usage.egressAllowed/egressDenied</c> on the status subresource (nothing else is touched).</summary>
public sealed class KubernetesUsagePatcher(IKubernetes client) : ITaskUsagePatcher
{
    public Task PatchAsync(string @namespace, string name, long egressAllowed, long egressDenied, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["status"] = new JsonObject { ["usage"] = new JsonObject { ["egressAllowed"] = egressAllowed, ["egressDenied"] = egressDenied } },
        }.ToJsonString();
        return client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(body, V1Patch.PatchType.MergePatch), Api.AgentsGroup.Name, Api.AgentsGroup.Version, @namespace, AgentTask.KubePlural, name,
            fieldManager: "airlock-egress", cancellationToken: cancellationToken);
    }
}
