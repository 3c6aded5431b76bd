using k8s.Models;

namespace Airlock.ControlPlane.Resources;

/// <summary>The built-in kinds the local control plane serves: the ones Airlock and kubectl touch.</summary>
public static class BuiltinResources
{
    private static ResourceType Core(string resource, string kind, string singular, Type clr, bool namespaced,
        string[]? shortNames = null, string[]? subresources = null, PrinterColumn[]? columns = null) => new()
        {
            Group = "",
            Version = "v1",
            Resource = resource,
            Kind = kind,
            Singular = singular,
            Namespaced = namespaced,
            ClrType = clr,
            ShortNames = shortNames ?? [],
            Subresources = subresources ?? [],
            PrinterColumns = columns ?? [],
        };

    private static ResourceType Grouped(string group, string version, string resource, string kind, string singular,
        Type clr, bool namespaced, string[]? shortNames = null, string[]? subresources = null, PrinterColumn[]? columns = null,
        bool createOnly = false) => new()
        {
            Group = group,
            Version = version,
            Resource = resource,
            Kind = kind,
            Singular = singular,
            Namespaced = namespaced,
            ClrType = clr,
            ShortNames = shortNames ?? [],
            Subresources = subresources ?? [],
            PrinterColumns = columns ?? [],
            IsVirtual = createOnly,
            Verbs = createOnly ? ResourceType.CreateOnlyVerbs : ResourceType.StandardVerbs,
            TracksGeneration = !createOnly,
        };

    public static readonly ResourceType Namespaces = Core("namespaces", "Namespace", "namespace", typeof(V1Namespace), false,
        ["ns"], ["status", "finalize"], [new("Status", "string", ".status.phase")]);

    public static readonly ResourceType Pods = Core("pods", "Pod", "pod", typeof(V1Pod), true, ["po"], ["status", "binding", "eviction"],
        [new("Status", "string", ".status.phase"), new("IP", "string", ".status.podIP", Priority: 1), new("Node", "string", ".spec.nodeName", Priority: 1)]);

    public static readonly ResourceType ServiceAccounts = Core("serviceaccounts", "ServiceAccount", "serviceaccount", typeof(V1ServiceAccount), true,
        ["sa"], ["token"]);

    public static readonly ResourceType ConfigMaps = Core("configmaps", "ConfigMap", "configmap", typeof(V1ConfigMap), true, ["cm"]);

    public static readonly ResourceType Secrets = Core("secrets", "Secret", "secret", typeof(V1Secret), true, null, null,
        [new("Type", "string", ".type")]);

    public static readonly ResourceType Events = Core("events", "Event", "event", typeof(Corev1Event), true, ["ev"], null,
        [new("Type", "string", ".type"), new("Reason", "string", ".reason"), new("Object", "string", ".involvedObject.name"), new("Message", "string", ".message")]) with
    { TracksGeneration = false };

    public static readonly ResourceType Services = Core("services", "Service", "service", typeof(V1Service), true, ["svc"], ["status"],
        [new("Type", "string", ".spec.type"), new("Cluster-IP", "string", ".spec.clusterIP")]);

    public static readonly ResourceType Nodes = Core("nodes", "Node", "node", typeof(V1Node), false, ["no"], ["status"]);

    public static readonly ResourceType EventsV1 = Grouped("events.k8s.io", "v1", "events", "Event", "event", typeof(Eventsv1Event), true, ["ev"]) with
    { TracksGeneration = false };

    public static readonly ResourceType NetworkPolicies = Grouped("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", "networkpolicy",
        typeof(V1NetworkPolicy), true, ["netpol"]);

    public static readonly ResourceType Roles = Grouped("rbac.authorization.k8s.io", "v1", "roles", "Role", "role", typeof(V1Role), true);

    public static readonly ResourceType RoleBindings = Grouped("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", "rolebinding",
        typeof(V1RoleBinding), true, null, null, [new("Role", "string", ".roleRef.name")]);

    public static readonly ResourceType ClusterRoles = Grouped("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", "clusterrole",
        typeof(V1ClusterRole), false);

    public static readonly ResourceType ClusterRoleBindings = Grouped("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding",
        "clusterrolebinding", typeof(V1ClusterRoleBinding), false, null, null, [new("Role", "string", ".roleRef.name")]);

    public static readonly ResourceType Leases = Grouped("coordination.k8s.io", "v1", "leases", "Lease", "lease", typeof(V1Lease), true, null, null,
        [new("Holder", "string", ".spec.holderIdentity")]);

    public static readonly ResourceType RuntimeClasses = Grouped("node.k8s.io", "v1", "runtimeclasses", "RuntimeClass", "runtimeclass",
        typeof(V1RuntimeClass), false, null, null, [new("Handler", "string", ".handler")]);

    public static readonly ResourceType ValidatingWebhookConfigurations = Grouped("admissionregistration.k8s.io", "v1",
        "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", "validatingwebhookconfiguration",
        typeof(V1ValidatingWebhookConfiguration), false);

    public static readonly ResourceType MutatingWebhookConfigurations = Grouped("admissionregistration.k8s.io", "v1",
        "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", "mutatingwebhookconfiguration",
        typeof(V1MutatingWebhookConfiguration), false);

    public static readonly ResourceType CustomResourceDefinitions = Grouped("apiextensions.k8s.io", "v1", "customresourcedefinitions",
        "CustomResourceDefinition", "customresourcedefinition", typeof(V1CustomResourceDefinition), false, ["crd", "crds"], ["status"],
        [new("Created At", "date", ".metadata.creationTimestamp")]);

    public static readonly ResourceType TokenReviews = Grouped("authentication.k8s.io", "v1", "tokenreviews", "TokenReview", "tokenreview",
        typeof(V1TokenReview), false, createOnly: true);

    public static readonly ResourceType SelfSubjectReviews = Grouped("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview",
        "selfsubjectreview", typeof(V1SelfSubjectReview), false, createOnly: true);

    public static readonly ResourceType SubjectAccessReviews = Grouped("authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview",
        "subjectaccessreview", typeof(V1SubjectAccessReview), false, createOnly: true);

    public static readonly ResourceType SelfSubjectAccessReviews = Grouped("authorization.k8s.io", "v1", "selfsubjectaccessreviews",
        "SelfSubjectAccessReview", "selfsubjectaccessreview", typeof(V1SelfSubjectAccessReview), false, createOnly: true);

    public static readonly ResourceType LocalSubjectAccessReviews = Grouped("authorization.k8s.io", "v1", "localsubjectaccessreviews",
        "LocalSubjectAccessReview", "localsubjectaccessreview", typeof(V1LocalSubjectAccessReview), true, createOnly: true);

    public static readonly ResourceType SelfSubjectRulesReviews = Grouped("authorization.k8s.io", "v1", "selfsubjectrulesreviews",
        "SelfSubjectRulesReview", "selfsubjectrulesreview", typeof(V1SelfSubjectRulesReview), false, createOnly: true);

    /// <summary>Every built-in resource, in discovery order.</summary>
    public static readonly IReadOnlyList<ResourceType> All =
    [
        Namespaces, Pods, ServiceAccounts, ConfigMaps, Secrets, Events, Services, Nodes,
        EventsV1, NetworkPolicies, Roles, RoleBindings, ClusterRoles, ClusterRoleBindings, Leases, RuntimeClasses,
        ValidatingWebhookConfigurations, MutatingWebhookConfigurations, CustomResourceDefinitions,
        TokenReviews, SelfSubjectReviews, SubjectAccessReviews, SelfSubjectAccessReviews, LocalSubjectAccessReviews, SelfSubjectRulesReviews,
    ];
}
