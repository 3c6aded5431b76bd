namespace Airlock.ControlPlane.Patching;

/// <summary>
/// Table of merge keys for the built-in kinds, keyed by field path within the kind. Sources: k8s.io/api
/// types.go tags, e.g. <c>Containers []Container `patchStrategy:"merge" patchMergeKey:"name"`</c>,
/// <c>Ports []ContainerPort `patchMergeKey:"containerPort"` +listMapKey=containerPort +listMapKey=protocol</c>.
/// </summary>
public static class BuiltinSchemas
{
    private static readonly Dictionary<string, string> TcpDefault = new() { ["protocol"] = "TCP" };

    public static BuiltinFieldSchema For(string group, string kind)
    {
        var lists = new Dictionary<string, ListStrategy>(StringComparer.Ordinal)
        {
            ["metadata.finalizers"] = ListStrategy.Set,
            ["metadata.ownerReferences"] = ListStrategy.ByKey("uid"),
            ["status.conditions"] = ListStrategy.ByKey("type"),
        };
        var objects = new Dictionary<string, ObjectKind>(StringComparer.Ordinal);

        switch (group, kind)
        {
            case ("", "Pod"):
                AddPodSpec(lists, objects, "spec");
                lists["status.podIPs"] = ListStrategy.ByKey("ip");
                lists["status.hostIPs"] = ListStrategy.ByKey("ip");
                break;
            case ("", "ConfigMap") or ("", "Secret"):
                objects["data"] = ObjectKind.Map;
                objects["binaryData"] = ObjectKind.Map;
                objects["stringData"] = ObjectKind.Map;
                break;
            case ("", "Service"):
                lists["spec.ports"] = new ListStrategy(ListKind.Map, ["port", "protocol"], "port") { KeyDefaults = TcpDefault };
                objects["spec.selector"] = ObjectKind.Atomic;
                break;
            case ("", "ServiceAccount"):
                lists["secrets"] = ListStrategy.ByKey("name");
                break;
            case ("", "Node"):
                lists["spec.podCIDRs"] = ListStrategy.Set;
                lists["status.addresses"] = ListStrategy.ByKey("type");
                objects["status.capacity"] = ObjectKind.Map;
                objects["status.allocatable"] = ObjectKind.Map;
                break;
            case ("apps", "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet") or ("batch", "Job"):
                objects["spec.selector"] = ObjectKind.Atomic;
                AddPodSpec(lists, objects, "spec.template.spec");
                break;
            case ("batch", "CronJob"):
                objects["spec.jobTemplate.spec.selector"] = ObjectKind.Atomic;
                AddPodSpec(lists, objects, "spec.jobTemplate.spec.template.spec");
                break;
            case ("networking.k8s.io", "NetworkPolicy"):
                objects["spec.podSelector"] = ObjectKind.Atomic;
                break;
        }
        return new BuiltinFieldSchema(lists, objects);
    }

    private static void AddPodSpec(Dictionary<string, ListStrategy> lists, Dictionary<string, ObjectKind> objects, string spec)
    {
        lists[$"{spec}.volumes"] = ListStrategy.ByKey("name");
        lists[$"{spec}.imagePullSecrets"] = ListStrategy.ByKey("name");
        lists[$"{spec}.hostAliases"] = ListStrategy.ByKey("ip");
        lists[$"{spec}.schedulingGates"] = ListStrategy.ByKey("name");
        lists[$"{spec}.resourceClaims"] = ListStrategy.ByKey("name");
        lists[$"{spec}.topologySpreadConstraints"] = new ListStrategy(ListKind.Map, ["topologyKey", "whenUnsatisfiable"], "topologyKey");
        objects[$"{spec}.nodeSelector"] = ObjectKind.Map;
        objects[$"{spec}.overhead"] = ObjectKind.Map;
        foreach (var containers in new[] { "initContainers", "containers", "ephemeralContainers" })
        {
            var c = $"{spec}.{containers}";
            lists[c] = ListStrategy.ByKey("name");
            lists[$"{c}.ports"] = new ListStrategy(ListKind.Map, ["containerPort", "protocol"], "containerPort") { KeyDefaults = TcpDefault };
            lists[$"{c}.env"] = ListStrategy.ByKey("name");
            lists[$"{c}.volumeMounts"] = ListStrategy.ByKey("mountPath");
            lists[$"{c}.volumeDevices"] = ListStrategy.ByKey("devicePath");
            objects[$"{c}.resources.limits"] = ObjectKind.Map;
            objects[$"{c}.resources.requests"] = ObjectKind.Map;
        }
    }
}
