using Airlock.Api.Policies;
using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Runtime.Informers;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// The effective policy of a task from the informer caches: the built-in default tightened by every ClusterAgentPolicy
/// whose namespaceSelector selects the task's namespace (<see cref="PolicyMerger"/>, strictest wins). A selector that
/// cannot be evaluated (an unknown operator, a namespace not in the cache yet) counts as selecting: fail closed.
/// </summary>
public sealed class ClusterPolicySource : ITaskPolicySource
{
    private readonly ISharedInformer<ClusterAgentPolicy> _policies;
    private readonly ISharedInformer<V1Namespace> _namespaces;

    public ClusterPolicySource(ISharedInformer<ClusterAgentPolicy> policies, ISharedInformer<V1Namespace> namespaces)
    {
        _policies = policies;
        _namespaces = namespaces;
    }

    public EffectivePolicy For(AgentTask task)
    {
        var policies = _policies.Cache.List();
        if (policies.Count == 0) return BuiltinPolicy.Effective;
        var ns = _namespaces.Cache.Get("", task.Metadata.NamespaceProperty ?? "");
        return PolicyMerger.Merge(PolicySelection.For(policies, ns));
    }
}
