using Airlock.Operator.Sandbox;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>The task's own identity: a token of its ServiceAccount bound to its pod, and kubectl using only that token.</summary>
public static class TaskToken
{
    public static async Task<string> RequestAsync(IKubernetes client, string @namespace, string task, V1Pod pod)
    {
        var request = await client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest
        {
            Spec = new V1TokenRequestSpec
            {
                ExpirationSeconds = 600,
                BoundObjectRef = new V1BoundObjectReference { ApiVersion = "v1", Kind = "Pod", Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
            },
        }, SandboxNames.Agent(task), @namespace);
        return request.Status.Token;
    }

    /// <summary>kubectl against the cluster with <paramref name="token"/> as the only credential.</summary>
    public static Task<KubectlResult> KubectlAsync(TestCluster cluster, string token, params string[] args) =>
        cluster.Kubectl.RunAsync(["--token", token, .. args]);
}
