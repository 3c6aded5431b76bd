namespace Airlock.ControlPlane.Server.Protobuf;

/// <summary>
/// Field numbers (from the Kubernetes generated.proto files) of the kinds kubectl's typed commands send as protobuf:
/// <c>create configmap|secret|namespace|serviceaccount|role|rolebinding|clusterrole|clusterrolebinding|token</c> and
/// <c>auth can-i</c> / <c>auth whoami</c>.
/// </summary>
public static class ProtoSchemas
{
    private static ProtoField S(string name) => new(name, ProtoKind.String);

    private static ProtoField Strings(string name) => new(name, ProtoKind.String, Repeated: true);

    private static ProtoField M(string name, string message, bool repeated = false) => new(name, ProtoKind.Message, message, repeated);

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<int, ProtoField>> Messages = new Dictionary<string, IReadOnlyDictionary<int, ProtoField>>
    {
        ["ObjectMeta"] = new Dictionary<int, ProtoField>
        {
            [1] = S("name"),
            [2] = S("generateName"),
            [3] = S("namespace"),
            [5] = S("uid"),
            [6] = S("resourceVersion"),
            [7] = new("generation", ProtoKind.Int64),
            [8] = new("creationTimestamp", ProtoKind.Time),
            [9] = new("deletionTimestamp", ProtoKind.Time),
            [10] = new("deletionGracePeriodSeconds", ProtoKind.Int64),
            [11] = new("labels", ProtoKind.MapStringString),
            [12] = new("annotations", ProtoKind.MapStringString),
            [13] = M("ownerReferences", "OwnerReference", true),
            [14] = Strings("finalizers"),
        },
        ["OwnerReference"] = new Dictionary<int, ProtoField>
        {
            [1] = S("kind"),
            [3] = S("name"),
            [4] = S("uid"),
            [5] = S("apiVersion"),
            [6] = new("controller", ProtoKind.Bool),
            [7] = new("blockOwnerDeletion", ProtoKind.Bool),
        },
        ["ObjectReference"] = new Dictionary<int, ProtoField>
        {
            [1] = S("kind"),
            [2] = S("namespace"),
            [3] = S("name"),
            [4] = S("uid"),
            [5] = S("apiVersion"),
            [6] = S("resourceVersion"),
            [7] = S("fieldPath"),
        },
        ["LocalObjectReference"] = new Dictionary<int, ProtoField> { [1] = S("name") },
        ["ConfigMap"] = new Dictionary<int, ProtoField>
        {
            [1] = M("metadata", "ObjectMeta"),
            [2] = new("data", ProtoKind.MapStringString),
            [3] = new("binaryData", ProtoKind.MapStringBytes),
            [4] = new("immutable", ProtoKind.Bool),
        },
        ["Secret"] = new Dictionary<int, ProtoField>
        {
            [1] = M("metadata", "ObjectMeta"),
            [2] = new("data", ProtoKind.MapStringBytes),
            [3] = S("type"),
            [4] = new("stringData", ProtoKind.MapStringString),
            [5] = new("immutable", ProtoKind.Bool),
        },
        ["Namespace"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("spec", "NamespaceSpec") },
        ["NamespaceSpec"] = new Dictionary<int, ProtoField> { [1] = Strings("finalizers") },
        ["ServiceAccount"] = new Dictionary<int, ProtoField>
        {
            [1] = M("metadata", "ObjectMeta"),
            [2] = M("secrets", "ObjectReference", true),
            [3] = M("imagePullSecrets", "LocalObjectReference", true),
            [4] = new("automountServiceAccountToken", ProtoKind.Bool),
        },
        ["TokenRequest"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("spec", "TokenRequestSpec") },
        ["TokenRequestSpec"] = new Dictionary<int, ProtoField>
        {
            [1] = Strings("audiences"),
            [3] = M("boundObjectRef", "BoundObjectReference"),
            [4] = new("expirationSeconds", ProtoKind.Int64),
        },
        ["BoundObjectReference"] = new Dictionary<int, ProtoField> { [1] = S("kind"), [2] = S("apiVersion"), [3] = S("name"), [4] = S("uid") },
        ["TokenReview"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("spec", "TokenReviewSpec") },
        ["TokenReviewSpec"] = new Dictionary<int, ProtoField> { [1] = S("token"), [2] = Strings("audiences") },
        ["SelfSubjectReview"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta") },
        ["SelfSubjectAccessReview"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("spec", "SelfSubjectAccessReviewSpec") },
        ["SelfSubjectAccessReviewSpec"] = new Dictionary<int, ProtoField>
        {
            [1] = M("resourceAttributes", "ResourceAttributes"),
            [2] = M("nonResourceAttributes", "NonResourceAttributes"),
        },
        ["SubjectAccessReview"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("spec", "SubjectAccessReviewSpec") },
        ["LocalSubjectAccessReview"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("spec", "SubjectAccessReviewSpec") },
        ["SubjectAccessReviewSpec"] = new Dictionary<int, ProtoField>
        {
            [1] = M("resourceAttributes", "ResourceAttributes"),
            [2] = M("nonResourceAttributes", "NonResourceAttributes"),
            [3] = S("user"),
            [4] = Strings("groups"),
            [6] = S("uid"),
        },
        ["ResourceAttributes"] = new Dictionary<int, ProtoField>
        {
            [1] = S("namespace"),
            [2] = S("verb"),
            [3] = S("group"),
            [4] = S("version"),
            [5] = S("resource"),
            [6] = S("subresource"),
            [7] = S("name"),
        },
        ["NonResourceAttributes"] = new Dictionary<int, ProtoField> { [1] = S("path"), [2] = S("verb") },
        ["SelfSubjectRulesReview"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("spec", "SelfSubjectRulesReviewSpec") },
        ["SelfSubjectRulesReviewSpec"] = new Dictionary<int, ProtoField> { [1] = S("namespace") },
        ["Role"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("rules", "PolicyRule", true) },
        ["ClusterRole"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("rules", "PolicyRule", true) },
        ["PolicyRule"] = new Dictionary<int, ProtoField>
        {
            // k8s.io/api/rbac/v1 generated.proto: verbs=1, apiGroups=2, resources=3, resourceNames=4, nonResourceURLs=5.
            [1] = Strings("verbs"),
            [2] = Strings("apiGroups"),
            [3] = Strings("resources"),
            [4] = Strings("resourceNames"),
            [5] = Strings("nonResourceURLs"),
        },
        ["RoleBinding"] = new Dictionary<int, ProtoField>
        {
            [1] = M("metadata", "ObjectMeta"),
            [2] = M("subjects", "Subject", true),
            [3] = M("roleRef", "RoleRef"),
        },
        ["ClusterRoleBinding"] = new Dictionary<int, ProtoField>
        {
            [1] = M("metadata", "ObjectMeta"),
            [2] = M("subjects", "Subject", true),
            [3] = M("roleRef", "RoleRef"),
        },
        ["Subject"] = new Dictionary<int, ProtoField> { [1] = S("kind"), [2] = S("apiGroup"), [3] = S("name"), [4] = S("namespace") },
        ["RoleRef"] = new Dictionary<int, ProtoField> { [1] = S("apiGroup"), [2] = S("kind"), [3] = S("name") },
        ["Binding"] = new Dictionary<int, ProtoField> { [1] = M("metadata", "ObjectMeta"), [2] = M("target", "ObjectReference") },
    };
}
