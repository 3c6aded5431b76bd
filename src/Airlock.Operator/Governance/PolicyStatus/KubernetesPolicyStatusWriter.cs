using System.Text.Json.Nodes;
using Airlock.Api;
using Airlock.Api.Policies;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Governance.PolicyStatus;

/// <summary>Merge-patches <c>clusteragentpolicies/status</c> as field manager <c>airlock-operator</c>.</summary>
public sealed class KubernetesPolicyStatusWriter(IKubernetes client) : IPolicyStatusWriter
{
    public async Task WriteAsync(ClusterAgentPolicy policy, ClusterAgentPolicyStatus status, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["status"] = JsonNode.Parse(KubernetesJson.Serialize(status)) };
        await client.CustomObjects.PatchClusterCustomObjectStatusAsync(
            new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch), AgentsGroup.Name, AgentsGroup.Version, ClusterAgentPolicy.KubePlural,
            policy.Metadata.Name, fieldManager: OperatorInfo.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
