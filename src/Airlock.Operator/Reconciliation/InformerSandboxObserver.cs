using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;
using Airlock.Runtime.Informers;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>Observes children through the shared informer caches, corrected by the reconciler's own recent writes.</summary>
public sealed class InformerSandboxObserver : ISandboxObserver
{
    private readonly SharedInformerFactory _informers;
    private readonly InformerScope _scope;
    private readonly RecentWrites _recent;

    public InformerSandboxObserver(SharedInformerFactory informers, InformerScope scope, RecentWrites recent)
    {
        _informers = informers;
        _scope = scope;
        _recent = recent;
    }

    public ObservedSandbox Observe(AgentTask task) => Observe(task, orphansToo: false);

    public ObservedSandbox ObserveForCleanup(AgentTask task) => Observe(task, orphansToo: true);

    private ObservedSandbox Observe(AgentTask task, bool orphansToo)
    {
        var name = task.Metadata.Name;
        var agent = SandboxNames.Agent(name);
        return new ObservedSandbox(
            Get<V1ServiceAccount>(task, agent, orphansToo),
            Get<V1Role>(task, agent, orphansToo),
            Get<V1RoleBinding>(task, agent, orphansToo),
            Get<V1ConfigMap>(task, SandboxNames.Prompt(name), orphansToo),
            Get<V1NetworkPolicy>(task, SandboxNames.Sandbox(name), orphansToo),
            Get<V1Pod>(task, agent, orphansToo));
    }

    private T? Get<T>(AgentTask task, string name, bool orphansToo)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var ns = task.Metadata.NamespaceProperty ?? "";
        var cached = _informers.GetInformer<T>(_scope).Cache.Get(ns, name);
        if (cached is not null && !Belongs(cached, task, orphansToo)) cached = null;
        var resolved = _recent.Resolve(ns, name, cached);
        return resolved is not null && Belongs(resolved, task, orphansToo) ? resolved : null;
    }

    private static bool Belongs(IKubernetesObject<V1ObjectMeta> child, AgentTask task, bool orphansToo) =>
        IsControlledBy(child, task) || (orphansToo && IsOrphanOf(child, task));

    private static bool IsOrphanOf(IKubernetesObject<V1ObjectMeta> child, AgentTask task) =>
        child.Metadata.OwnerReferences?.Any(r => r.Controller == true) != true
        && child.Metadata.Labels?.TryGetValue(AirlockLabels.Task, out var value) == true
        && value == SandboxNames.TaskLabelValue(task.Metadata.Name);

    private static bool IsControlledBy(IKubernetesObject<V1ObjectMeta> child, AgentTask task) =>
        child.Metadata.OwnerReferences?.Any(r => r.Controller == true && r.Uid == task.Metadata.Uid) == true;
}
