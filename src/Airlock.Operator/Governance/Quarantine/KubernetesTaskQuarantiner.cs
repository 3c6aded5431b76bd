using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>
/// Writes the quarantine annotation as the operator, through the API (so the admission webhook checks the operator's
/// own verb quarantine and stamps it as quarantined-by, exactly as for <c>airlock quarantine</c>).
/// </summary>
public sealed class KubernetesTaskQuarantiner(IKubernetes client) : ITaskQuarantiner
{
    public async Task QuarantineAsync(AgentTask task, string reason, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [AirlockAnnotations.Quarantine] = reason, [AirlockAnnotations.QuarantinedBy] = "" } },
        };
        await client.CustomObjects.PatchNamespacedCustomObjectAsync<AgentTask>(
            new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch), AgentsGroup.Name, AgentsGroup.Version, task.Metadata.NamespaceProperty,
            AgentTask.KubePlural, task.Metadata.Name, fieldManager: OperatorInfo.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
