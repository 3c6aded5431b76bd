using k8s.Models;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>The Node object the simulated kubelet registers: Ready, on 127.0.0.1, with room for many thousands of pods.</summary>
public static class KubeletNode
{
    public const string KubeletVersion = "v1.32.0-airlock-sim";

    public static V1Node Build(KubeletOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta
            {
                Name = options.NodeName,
                Labels = new Dictionary<string, string>
                {
                    ["kubernetes.io/hostname"] = options.NodeName,
                    ["kubernetes.io/os"] = "linux",
                    ["kubernetes.io/arch"] = "amd64",
                    ["node.airlock.dev/simulated"] = "true",
                },
            },
            Spec = new V1NodeSpec(),
            Status = Status(options, now),
        };
    }

    public static V1NodeStatus Status(KubeletOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resources = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(options.Cpu),
            ["memory"] = new(options.Memory),
            ["ephemeral-storage"] = new("1Ti"),
            ["pods"] = new(options.MaxPods.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var at = now.UtcDateTime;
        return new V1NodeStatus
        {
            Capacity = resources,
            Allocatable = new Dictionary<string, ResourceQuantity>(resources),
            Conditions =
            [
                Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", at),
                Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", at),
                Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", at),
                Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", at),
            ],
            Addresses = [new V1NodeAddress { Address = PodStatuses.HostIp, Type = "InternalIP" }, new V1NodeAddress { Address = options.NodeName, Type = "Hostname" }],
            NodeInfo = new V1NodeSystemInfo
            {
                Architecture = "amd64",
                OperatingSystem = "linux",
                OsImage = "Airlock simulated node",
                KernelVersion = "simulated",
                ContainerRuntimeVersion = "sim://1.0.0",
                KubeletVersion = KubeletVersion,
                KubeProxyVersion = KubeletVersion,
                BootID = "",
                MachineID = "",
                SystemUUID = "",
            },
        };
    }

    /// <summary>True when <paramref name="node"/> reports Ready=True.</summary>
    public static bool IsReady(V1Node? node) =>
        node?.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    private static V1NodeCondition Condition(string type, string status, string reason, string message, DateTime at) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = message,
        LastHeartbeatTime = at,
        LastTransitionTime = at,
    };
}
