using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// Before a started task is failed for a lost sandbox: the informer caches alone never decide it. A cache that lags (a
/// watch cut, a 410 relist, a new leader whose caches trail the old one's writes) can miss a pod that exists, or miss that
/// the task already ended and its pod was deleted after the TTL. So the pod is read from the API server, and when it is
/// really gone, the task too: only a task that is still unfinished there has lost its sandbox.
/// </summary>
public static class SandboxLossCheck
{
    public static async Task<SandboxLossOutcome> RunAsync(ISandboxWriter api, AgentTask task, ObservedSandbox observed, CancellationToken cancellationToken)
    {
        var ns = task.Metadata.NamespaceProperty ?? "";
        var pod = await api.ReadPodAsync(ns, SandboxNames.Agent(task.Metadata.Name), cancellationToken).ConfigureAwait(false);
        if (pod is not null && IsControlledBy(pod, task)) return new SandboxLossOutcome(task, observed with { Pod = pod }, PodGone: false);

        var live = await api.ReadTaskAsync(ns, task.Metadata.Name, cancellationToken).ConfigureAwait(false);
        if (live is null || live.Metadata.Uid != task.Metadata.Uid) return new SandboxLossOutcome(null, observed, PodGone: true);
        // The task as the API server has it: if it already ended (and its pod went after the TTL), that end stands.
        return new SandboxLossOutcome(live, observed with { Pod = null }, PodGone: !AgentTaskPhase.IsTerminal(live.Status?.Phase));
    }

    private static bool IsControlledBy(V1Pod pod, AgentTask task) =>
        pod.Metadata.OwnerReferences?.Any(r => r.Controller == true && r.Uid == task.Metadata.Uid) == true;
}
