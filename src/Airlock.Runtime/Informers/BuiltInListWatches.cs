using k8s;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>List and watch calls of the built-in types an operator usually watches (generated client methods).</summary>
public static class BuiltInListWatches
{
    public static void RegisterAll(KubernetesListWatchProvider provider)
    {
        provider.Register<V1Pod, V1PodList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.ListNamespacedPodAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.CoreV1.ListPodForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.WatchListNamespacedPodAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.CoreV1.WatchListPodForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1ConfigMap, V1ConfigMapList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.ListNamespacedConfigMapAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.CoreV1.ListConfigMapForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.WatchListNamespacedConfigMapAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.CoreV1.WatchListConfigMapForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1Secret, V1SecretList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.ListNamespacedSecretAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.CoreV1.ListSecretForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.WatchListNamespacedSecretAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.CoreV1.WatchListSecretForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1ServiceAccount, V1ServiceAccountList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.ListNamespacedServiceAccountAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.CoreV1.ListServiceAccountForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.WatchListNamespacedServiceAccountAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.CoreV1.WatchListServiceAccountForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1Service, V1ServiceList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.ListNamespacedServiceAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.CoreV1.ListServiceForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.WatchListNamespacedServiceAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.CoreV1.WatchListServiceForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<Corev1Event, Corev1EventList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.ListNamespacedEventAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.CoreV1.ListEventForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.CoreV1.WatchListNamespacedEventAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.CoreV1.WatchListEventForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1Namespace, V1NamespaceList>(
            (c, r, ct) => c.CoreV1.ListNamespaceAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => c.CoreV1.WatchListNamespaceAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1Role, V1RoleList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.RbacAuthorizationV1.ListNamespacedRoleAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.RbacAuthorizationV1.ListRoleForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.RbacAuthorizationV1.WatchListNamespacedRoleAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.RbacAuthorizationV1.WatchListRoleForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1RoleBinding, V1RoleBindingList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.RbacAuthorizationV1.ListNamespacedRoleBindingAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.RbacAuthorizationV1.ListRoleBindingForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.RbacAuthorizationV1.WatchListNamespacedRoleBindingAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.RbacAuthorizationV1.WatchListRoleBindingForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1NetworkPolicy, V1NetworkPolicyList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.NetworkingV1.ListNamespacedNetworkPolicyAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.NetworkingV1.ListNetworkPolicyForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.NetworkingV1.WatchListNamespacedNetworkPolicyAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.NetworkingV1.WatchListNetworkPolicyForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1Lease, V1LeaseList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.CoordinationV1.ListNamespacedLeaseAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.CoordinationV1.ListLeaseForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.CoordinationV1.WatchListNamespacedLeaseAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.CoordinationV1.WatchListLeaseForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
        provider.Register<V1Deployment, V1DeploymentList>(
            (c, r, ct) => r.Scope.Namespace is { } ns
                ? c.AppsV1.ListNamespacedDeploymentAsync(
                    ns,
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct)
                : c.AppsV1.ListDeploymentForAllNamespacesAsync(
                    continueParameter: r.Continue, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    limit: r.Limit, cancellationToken: ct),
            (c, r, e, ct) => r.Scope.Namespace is { } ns
                ? c.AppsV1.WatchListNamespacedDeploymentAsync(
                    ns,
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct)
                : c.AppsV1.WatchListDeploymentForAllNamespacesAsync(
                    allowWatchBookmarks: true, fieldSelector: r.Scope.FieldSelector, labelSelector: r.Scope.LabelSelector,
                    resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: e, cancellationToken: ct));
    }
}
