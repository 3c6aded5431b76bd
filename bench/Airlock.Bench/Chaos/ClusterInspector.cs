using Airlock.Api;
using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Bench.Chaos;

/// <summary>
/// Reads the chaos namespace and judges it against the plan: every task exists in its expected phase; a running one
/// has exactly one pod and it runs; a finished one has no children left after its TTL; no child lacks a live owner.
/// </summary>
public static class ClusterInspector
{
    private static readonly string Selector = $"{AirlockLabels.ManagedBy}={AirlockLabels.ManagedByValue}";

    public static async Task<ClusterVerdict> InspectAsync(IKubernetes client, string ns, IReadOnlyList<TaskPlan> plans, CancellationToken cancellationToken)
    {
        var tasks = (await client.CustomObjects.ListNamespacedCustomObjectAsync<AgentTaskList>(
            AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, cancellationToken: cancellationToken).ConfigureAwait(false)).Items;
        var pods = (await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: Selector, cancellationToken: cancellationToken).ConfigureAwait(false)).Items;
        var children = new List<IKubernetesObject<V1ObjectMeta>>(pods);
        children.AddRange((await client.CoreV1.ListNamespacedServiceAccountAsync(ns, labelSelector: Selector, cancellationToken: cancellationToken).ConfigureAwait(false)).Items);
        children.AddRange((await client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: Selector, cancellationToken: cancellationToken).ConfigureAwait(false)).Items);
        children.AddRange((await client.NetworkingV1.ListNamespacedNetworkPolicyAsync(ns, labelSelector: Selector, cancellationToken: cancellationToken).ConfigureAwait(false)).Items);
        children.AddRange((await client.RbacAuthorizationV1.ListNamespacedRoleAsync(ns, labelSelector: Selector, cancellationToken: cancellationToken).ConfigureAwait(false)).Items);
        children.AddRange((await client.RbacAuthorizationV1.ListNamespacedRoleBindingAsync(ns, labelSelector: Selector, cancellationToken: cancellationToken).ConfigureAwait(false)).Items);

        var byName = tasks.ToDictionary(t => t.Metadata.Name, StringComparer.Ordinal);
        var liveUids = tasks.Select(t => t.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
        var childrenByOwner = children
            .SelectMany(c => (c.Metadata.OwnerReferences ?? []).Where(o => o.Controller == true).Select(o => (Owner: o.Uid, Child: c)))
            .ToLookup(x => x.Owner, x => x.Child, StringComparer.Ordinal);
        var problems = new List<string>();
        int lost = 0, duplicates = 0, uncleaned = 0;
        foreach (var plan in plans)
        {
            if (!byName.TryGetValue(plan.Name, out var task))
            {
                lost++;
                problems.Add($"{plan.Name}: missing");
                continue;
            }
            var phase = task.Status?.Phase;
            var own = childrenByOwner[task.Metadata.Uid].ToList();
            var ownPods = own.OfType<V1Pod>().ToList();
            if (ownPods.Count > 1)
            {
                duplicates++;
                problems.Add($"{plan.Name}: {ownPods.Count} pods");
            }
            if (phase != plan.ExpectedPhase)
            {
                lost++;
                problems.Add($"{plan.Name}: phase {phase ?? "(none)"}, expected {plan.ExpectedPhase}");
            }
            else if (plan.ExpectPod && (ownPods.Count != 1 || ownPods[0].Status?.Phase != "Running"))
            {
                lost++;
                problems.Add($"{plan.Name}: Running with {ownPods.Count} pods ({string.Join(",", ownPods.Select(p => p.Status?.Phase))})");
            }
            else if (!plan.ExpectPod && own.Count > 0)
            {
                uncleaned++;
                problems.Add($"{plan.Name}: {own.Count} children left after the TTL ({string.Join(", ", own.Select(Describe))})");
            }
        }
        var orphans = children.Where(c => !(c.Metadata.OwnerReferences ?? []).Any(o => liveUids.Contains(o.Uid))).ToList();
        problems.AddRange(orphans.Take(10).Select(o => $"orphan {Describe(o)}"));
        return new ClusterVerdict(tasks.Count, lost, duplicates, orphans.Count, uncleaned, problems);
    }

    private static string Describe(IKubernetesObject<V1ObjectMeta> child) => $"{child.GetType().Name[2..]} {child.Metadata.Name}";
}
