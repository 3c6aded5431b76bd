using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Egress;

/// <summary>CiliumNetworkPolicy writes through the custom-objects API, as field manager <c>airlock-operator</c>.</summary>
public sealed class KubernetesCiliumPolicyWriter(IKubernetes client) : ICiliumPolicyWriter
{
    private const string Manager = OperatorInfo.FieldManager;

    public async Task CreateAsync(CiliumNetworkPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(
                policy, CiliumNetworkPolicy.KubeGroup, CiliumNetworkPolicy.KubeVersion, policy.Metadata.NamespaceProperty, CiliumNetworkPolicy.KubePlural,
                fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Created by an earlier reconcile the cache has not shown yet: bring it to the desired state instead.
            await PatchAsync(policy, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task PatchAsync(CiliumNetworkPolicy desired, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(desired), V1Patch.PatchType.MergePatch), CiliumNetworkPolicy.KubeGroup, CiliumNetworkPolicy.KubeVersion,
            desired.Metadata.NamespaceProperty, CiliumNetworkPolicy.KubePlural, desired.Metadata.Name, fieldManager: Manager, cancellationToken: cancellationToken);

    public async Task DeleteAsync(CiliumNetworkPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectAsync(
                CiliumNetworkPolicy.KubeGroup, CiliumNetworkPolicy.KubeVersion, policy.Metadata.NamespaceProperty, CiliumNetworkPolicy.KubePlural, policy.Metadata.Name,
                new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = policy.Metadata.Uid } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound
            || (e.Response.StatusCode == HttpStatusCode.Conflict && e.Response.Content?.Contains("Precondition failed: UID", StringComparison.Ordinal) == true))
        {
            // Gone already, or replaced by another object of the same name: nothing of ours to delete.
        }
    }
}
