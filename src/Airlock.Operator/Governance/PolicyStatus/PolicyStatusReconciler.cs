using Airlock.Api.Policies;
using Airlock.Runtime;
using Airlock.Runtime.Controllers;
using Airlock.Runtime.Informers;
using k8s.Models;

namespace Airlock.Operator.Governance.PolicyStatus;

/// <summary>
/// Keeps <c>status.governedNamespaces</c> and the Ready/Conflicting conditions of every ClusterAgentPolicy current,
/// from the informer caches; writes only when the status changed. Namespace and policy changes enqueue every policy.
/// </summary>
public sealed class PolicyStatusReconciler(
    ISharedInformer<ClusterAgentPolicy> policies, ISharedInformer<V1Namespace> namespaces, IPolicyStatusWriter writer, TimeProvider time)
    : IReconciler<ClusterAgentPolicy>
{
    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest<ClusterAgentPolicy> request, CancellationToken cancellationToken)
    {
        var policy = request.Object ?? policies.Cache.Get("", request.Key.Name);
        if (policy is null || policy.Metadata.DeletionTimestamp is not null) return ReconcileResult.Done;
        var live = namespaces.Cache.List().Where(ns => ns.Metadata.DeletionTimestamp is null).ToList();
        var status = PolicyStatusCalculator.Compute(policy, policies.Cache.List(), live, time.GetUtcNow().UtcDateTime);
        if (PolicyStatusCalculator.Differs(policy.Status, status)) await writer.WriteAsync(policy, status, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    /// <summary>Every policy's key: a namespace or policy change can change the status of all of them.</summary>
    public IEnumerable<ObjectKey> AllPolicies() => policies.Cache.Keys();
}
