using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Cli.Dev;

/// <summary>What a fresh dev cluster needs before sandboxes can start: the system namespace and the Kata RuntimeClasses.</summary>
public static class DevPrerequisites
{
    /// <summary>The RuntimeClasses a Kata Containers install provides; the simulated kubelet refuses pods naming a missing one.</summary>
    public static readonly IReadOnlyList<string> RuntimeClasses = ["kata-qemu", "kata-clh", "kata-fc"];

    public static async Task EnsureAsync(IKubernetes client, string systemNamespace, CancellationToken cancellationToken)
    {
        await CreateIfMissingAsync(() => client.CoreV1.CreateNamespaceAsync(
            new V1Namespace { Metadata = new V1ObjectMeta { Name = systemNamespace } }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var name in RuntimeClasses)
        {
            await CreateIfMissingAsync(() => client.NodeV1.CreateRuntimeClassAsync(
                new V1RuntimeClass { Metadata = new V1ObjectMeta { Name = name }, Handler = name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private static async Task CreateIfMissingAsync(Func<Task> create)
    {
        try
        {
            await create().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Already there.
        }
    }
}
