using System.Net;
using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>The reconciler's writes against a Kubernetes API server, as field manager <c>airlock-operator</c>.</summary>
public sealed class KubernetesSandboxWriter : ISandboxWriter
{
    private const string Manager = OperatorInfo.FieldManager;
    private readonly IKubernetes _client;

    public KubernetesSandboxWriter(IKubernetes client) => _client = client;

    public async Task<IKubernetesObject<V1ObjectMeta>> CreateAsync(IKubernetesObject<V1ObjectMeta> child, CancellationToken cancellationToken)
    {
        var ns = child.Metadata.NamespaceProperty;
        return child switch
        {
            V1ServiceAccount sa => await _client.CoreV1.CreateNamespacedServiceAccountAsync(sa, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1Role role => await _client.RbacAuthorizationV1.CreateNamespacedRoleAsync(role, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1RoleBinding rb => await _client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(rb, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1ConfigMap cm => await _client.CoreV1.CreateNamespacedConfigMapAsync(cm, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1NetworkPolicy np => await _client.NetworkingV1.CreateNamespacedNetworkPolicyAsync(np, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1Pod pod => await _client.CoreV1.CreateNamespacedPodAsync(pod, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"not a sandbox child: {child.GetType().Name}", nameof(child)),
        };
    }

    public async Task<IKubernetesObject<V1ObjectMeta>> PatchAsync(
        IKubernetesObject<V1ObjectMeta> desired, IKubernetesObject<V1ObjectMeta> current, CancellationToken cancellationToken)
    {
        var ns = desired.Metadata.NamespaceProperty;
        var name = desired.Metadata.Name;
        var patch = new V1Patch(ChildPatch.Build(desired, current), V1Patch.PatchType.JsonPatch);
        return desired switch
        {
            V1ServiceAccount => await _client.CoreV1.PatchNamespacedServiceAccountAsync(patch, name, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1Role => await _client.RbacAuthorizationV1.PatchNamespacedRoleAsync(patch, name, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1RoleBinding => await _client.RbacAuthorizationV1.PatchNamespacedRoleBindingAsync(patch, name, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1ConfigMap => await _client.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            V1NetworkPolicy => await _client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(patch, name, ns, fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"{desired.GetType().Name} is never patched", nameof(desired)),
        };
    }

    public async Task DeleteAsync(IKubernetesObject<V1ObjectMeta> child, CancellationToken cancellationToken)
    {
        var ns = child.Metadata.NamespaceProperty;
        var name = child.Metadata.Name;
        var options = new V1DeleteOptions { PropagationPolicy = "Background", Preconditions = new V1Preconditions { Uid = child.Metadata.Uid } };
        try
        {
            _ = child switch
            {
                V1ServiceAccount => await _client.CoreV1.DeleteNamespacedServiceAccountAsync(name, ns, options, cancellationToken: cancellationToken).ConfigureAwait(false),
                V1Role => await _client.RbacAuthorizationV1.DeleteNamespacedRoleAsync(name, ns, options, cancellationToken: cancellationToken).ConfigureAwait(false),
                V1RoleBinding => await _client.RbacAuthorizationV1.DeleteNamespacedRoleBindingAsync(name, ns, options, cancellationToken: cancellationToken).ConfigureAwait(false),
                V1ConfigMap => await _client.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, options, cancellationToken: cancellationToken).ConfigureAwait(false),
                V1NetworkPolicy => await _client.NetworkingV1.DeleteNamespacedNetworkPolicyAsync(name, ns, options, cancellationToken: cancellationToken).ConfigureAwait(false),
                V1Pod => (object)await _client.CoreV1.DeleteNamespacedPodAsync(name, ns, options, cancellationToken: cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentException($"not a sandbox child: {child.GetType().Name}", nameof(child)),
            };
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.NotFound || IsUidPreconditionFailure(e))
        {
            // Gone already, or replaced by another object of the same name (the uid precondition failed): nothing of ours to delete.
            // Any other 409 is a real failure: it propagates so the task is retried, never reported as cleaned up.
        }
    }

    private static bool IsUidPreconditionFailure(HttpOperationException e) =>
        e.Response.StatusCode == HttpStatusCode.Conflict
        && e.Response.Content?.Contains("Precondition failed: UID", StringComparison.Ordinal) == true;

    public async Task<AgentTask> SetFinalizersAsync(AgentTask task, IReadOnlyList<string> finalizers, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = task.Metadata.ResourceVersion,
                ["finalizers"] = finalizers.Count == 0 ? null : new JsonArray(finalizers.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()),
            },
        };
        var patch = new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch);
        return await _client.CustomObjects.PatchNamespacedCustomObjectAsync<AgentTask>(
            patch, AgentTask.KubeGroup, Api.AgentsGroup.Version, task.Metadata.NamespaceProperty, AgentTask.KubePlural, task.Metadata.Name,
            fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<AgentTask> PatchStatusAsync(AgentTask task, AgentTaskStatus status, CancellationToken cancellationToken, bool guarded = false)
    {
        var patch = new V1Patch(StatusPatch.Build(task.Status, status, guarded ? task.Metadata.ResourceVersion : null), V1Patch.PatchType.MergePatch);
        return await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<AgentTask>(
            patch, AgentTask.KubeGroup, Api.AgentsGroup.Version, task.Metadata.NamespaceProperty, AgentTask.KubePlural, task.Metadata.Name,
            fieldManager: Manager, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<V1Pod?> ReadPodAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CoreV1.ReadNamespacedPodAsync(name, @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<AgentTask?> ReadTaskAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CustomObjects.GetNamespacedCustomObjectAsync<AgentTask>(
                AgentTask.KubeGroup, Api.AgentsGroup.Version, @namespace, AgentTask.KubePlural, name, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
