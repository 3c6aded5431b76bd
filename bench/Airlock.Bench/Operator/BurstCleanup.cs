using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Bench.Hosting;
using k8s;
using k8s.Models;

namespace Airlock.Bench.Operator;

/// <summary>
/// Empties a burst's namespace between rounds without the operator: once it is stopped, the load generator's client
/// drops the tasks' finalizers and the namespace goes with everything in it. Letting the operator finalize 1,000 tasks
/// (a delete per child and a finalizer patch each) would cost more than the burst itself and measure nothing.
/// </summary>
public static class BurstCleanup
{
    private const int Concurrency = 16;

    private static readonly V1Patch NoFinalizers = new("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch);

    public static async Task RunAsync(BenchCluster cluster, string ns, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var list = await cluster.Admin.CustomObjects.ListNamespacedCustomObjectAsync<AgentTaskList>(
            AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, cancellationToken: cancellationToken).ConfigureAwait(false);
        var names = list.Items.Where(t => t.Metadata.Finalizers is { Count: > 0 }).Select(t => t.Metadata.Name).ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (name, ct) =>
            await cluster.Admin.CustomObjects.PatchNamespacedCustomObjectAsync(
                NoFinalizers, AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, name, cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);
        await cluster.DeleteNamespaceAsync(ns, timeout, cancellationToken).ConfigureAwait(false);
    }
}
