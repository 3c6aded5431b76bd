using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;
using Airlock.Runtime.Controllers;
using Airlock.Runtime.Informers;
using Microsoft.Extensions.Logging;

namespace Airlock.Operator.Egress;

/// <summary>
/// Keeps a task's two CiliumNetworkPolicies in step with it: both exist while the task is waiting for or running its
/// sandbox (Pending, Running), neither once it is terminal, awaiting approval, being deleted or gone. The proxy-side policy
/// lives in the system namespace, where no owner reference to the task is allowed, so it is found by name and label and
/// deleted here (a policy whose task is gone maps back to the task's key through its annotation, so even one left behind
/// while the operator was down is deleted when the informer lists it). The sandbox-side policy also carries an owner
/// reference, so the garbage collector removes it with the task.
/// </summary>
public sealed partial class CiliumPolicyReconciler(
    IReadOnlyList<ISharedInformer<CiliumNetworkPolicy>> policies, ICiliumPolicyWriter writer, SandboxSettings settings, CiliumSettings cilium, ILogger logger)
    : IReconciler<AgentTask>
{
    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest<AgentTask> request, CancellationToken cancellationToken)
    {
        var (ns, name) = (request.Key.Namespace, request.Key.Name);
        var task = request.Object;
        CiliumPolicies? desired = task is not null && Wanted(task) ? CiliumNetworkPolicyBuilder.Build(task, settings, cilium) : null;
        await ApplyAsync(Find(ns, CiliumNames.Sandbox(name)), desired?.Sandbox, ns, name, cancellationToken).ConfigureAwait(false);
        await ApplyAsync(Find(settings.SystemNamespace, CiliumNames.Proxy(ns, name)), desired?.Proxy, ns, name, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    /// <summary>Pending or Running and not being deleted (a task with no phase yet is about to be Pending).</summary>
    public static bool Wanted(AgentTask task) =>
        task.Metadata.DeletionTimestamp is null && task.Status?.Phase is null or AgentTaskPhase.Pending or AgentTaskPhase.Running;

    private async Task ApplyAsync(CiliumNetworkPolicy? observed, CiliumNetworkPolicy? desired, string ns, string name, CancellationToken cancellationToken)
    {
        if (desired is null)
        {
            if (observed is null || observed.Metadata.DeletionTimestamp is not null) return;
            await writer.DeleteAsync(observed, cancellationToken).ConfigureAwait(false);
            Log.Deleted(logger, ns, name, observed.Metadata.NamespaceProperty ?? "", observed.Metadata.Name);
            return;
        }
        if (observed is null)
        {
            await writer.CreateAsync(desired, cancellationToken).ConfigureAwait(false);
            Log.Written(logger, ns, name, "Created", desired.Metadata.NamespaceProperty ?? "", desired.Metadata.Name);
        }
        else if (DesiredHash.Read(observed) != DesiredHash.Read(desired))
        {
            await writer.PatchAsync(desired, cancellationToken).ConfigureAwait(false);
            Log.Written(logger, ns, name, "Patched", desired.Metadata.NamespaceProperty ?? "", desired.Metadata.Name);
        }
    }

    private CiliumNetworkPolicy? Find(string ns, string name)
    {
        foreach (var informer in policies)
        {
            if (informer.Cache.Get(ns, name) is { } found) return found;
        }
        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "{Namespace}/{Name}: {Change} CiliumNetworkPolicy {PolicyNamespace}/{Policy}")]
        public static partial void Written(ILogger logger, string @namespace, string name, string change, string policyNamespace, string policy);

        [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "{Namespace}/{Name}: deleted CiliumNetworkPolicy {PolicyNamespace}/{Policy}")]
        public static partial void Deleted(ILogger logger, string @namespace, string name, string policyNamespace, string policy);
    }
}
