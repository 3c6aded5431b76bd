using System.Net;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>Reads tasks and their children as a user would, and waits for them to reach a state.</summary>
public sealed class TaskProbe(IKubernetes client, string @namespace)
{
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(45);

    public string Namespace { get; } = @namespace;

    public async Task<AgentTask?> GetAsync(string name)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<AgentTask>(AgentTask.KubeGroup, AgentsGroup.Version, Namespace, AgentTask.KubePlural, name);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<AgentTask> WaitForPhaseAsync(string name, string phase)
    {
        AgentTask? last = null;
        try
        {
            await Eventually.UntilAsync(async () => (last = await GetAsync(name))?.Status?.Phase == phase, $"{Namespace}/{name} to be {phase}", Timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; last status: {(last?.Status is null ? "none" : KubernetesJson.Serialize(last.Status))}", e);
        }
        return last!;
    }

    public async Task<V1Pod?> PodAsync(string name)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: $"{AirlockLabels.Task}={name}");
        return pods.Items.SingleOrDefault();
    }

    /// <summary>Every object labelled as a child of the task, of the six kinds the operator creates.</summary>
    public async Task<IReadOnlyList<string>> ChildrenAsync(string name)
    {
        var selector = $"{AirlockLabels.Task}={name}";
        var found = new List<string>();
        found.AddRange((await client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: selector)).Items.Select(o => "Pod/" + o.Metadata.Name));
        found.AddRange((await client.CoreV1.ListNamespacedServiceAccountAsync(Namespace, labelSelector: selector)).Items.Select(o => "ServiceAccount/" + o.Metadata.Name));
        found.AddRange((await client.CoreV1.ListNamespacedConfigMapAsync(Namespace, labelSelector: selector)).Items.Select(o => "ConfigMap/" + o.Metadata.Name));
        found.AddRange((await client.NetworkingV1.ListNamespacedNetworkPolicyAsync(Namespace, labelSelector: selector)).Items.Select(o => "NetworkPolicy/" + o.Metadata.Name));
        found.AddRange((await client.RbacAuthorizationV1.ListNamespacedRoleAsync(Namespace, labelSelector: selector)).Items.Select(o => "Role/" + o.Metadata.Name));
        found.AddRange((await client.RbacAuthorizationV1.ListNamespacedRoleBindingAsync(Namespace, labelSelector: selector)).Items.Select(o => "RoleBinding/" + o.Metadata.Name));
        return found;
    }

    public async Task WaitForNoChildrenAsync(string name) =>
        await Eventually.UntilAsync(async () => (await ChildrenAsync(name)).Count == 0, $"every child of {Namespace}/{name} to be deleted", Timeout);
}
