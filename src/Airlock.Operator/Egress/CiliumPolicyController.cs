using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;
using Airlock.Runtime;
using Airlock.Runtime.Controllers;
using Airlock.Runtime.Informers;
using k8s;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Airlock.Operator.Egress;

/// <summary>
/// The controller of the Cilium layer (on when the operator runs with <c>--cilium-policies</c>): <c>For&lt;AgentTask&gt;</c>,
/// watching Airlock's CiliumNetworkPolicies in the watched namespace(s) and the system namespace.
/// </summary>
public static class CiliumPolicyController
{
    /// <summary>The sandbox settings with the Cilium layer on: the NetworkPolicy leaves DNS to <see cref="CiliumSandboxPolicyBuilder"/>.</summary>
    public static SandboxSettings Sandbox(SandboxSettings settings) => settings with { ClusterDnsInNetworkPolicy = false };

    public static Controller<AgentTask> Create(
        SharedInformerFactory informers, IKubernetes client, string? watchNamespace, SandboxSettings settings, CiliumSettings cilium,
        ControllerOptions options, ILoggerFactory loggerFactory, CollectorRegistry registry)
    {
        var selector = $"{AirlockLabels.ManagedBy}={AirlockLabels.ManagedByValue}";
        InformerScope[] scopes = watchNamespace is null || watchNamespace == settings.SystemNamespace
            ? [new InformerScope(watchNamespace, selector)]
            : [new InformerScope(watchNamespace, selector), new InformerScope(settings.SystemNamespace, selector)];
        var builder = ControllerBuilder.Create("ciliumnetworkpolicy", informers).For<AgentTask>(new InformerScope(watchNamespace));
        foreach (var scope in scopes) builder = builder.Watches<CiliumNetworkPolicy>(TaskOf, scope);
        var reconciler = new CiliumPolicyReconciler(
            [.. scopes.Select(informers.GetInformer<CiliumNetworkPolicy>)], new KubernetesCiliumPolicyWriter(client), settings, cilium,
            loggerFactory.CreateLogger<CiliumPolicyReconciler>());
        return builder.WithOptions(options).WithLogging(loggerFactory).WithMetrics(registry).Build(reconciler);
    }

    /// <summary>The task a policy belongs to, from its annotation (policies of other origins map to nothing).</summary>
    public static IEnumerable<ObjectKey> TaskOf(CiliumNetworkPolicy policy)
    {
        if (policy.Metadata.Annotations?.TryGetValue(CiliumNames.TaskAnnotation, out var key) != true) yield break;
        var slash = key!.IndexOf('/');
        if (slash > 0 && slash < key.Length - 1) yield return new ObjectKey(key[..slash], key[(slash + 1)..]);
    }
}
