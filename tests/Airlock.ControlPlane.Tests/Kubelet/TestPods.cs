using k8s.Models;

namespace Airlock.ControlPlane.Tests.Kubelet;

/// <summary>Pods for lifecycle tests.</summary>
internal static class TestPods
{
    public const string Node = "node-a";

    public static V1Pod New(string name = "agent", string? runtimeClass = null, string? nodeName = null,
        string? exitAfter = null, string? exitCode = null, long? activeDeadlineSeconds = null, params string[] extraContainers)
    {
        var env = new List<V1EnvVar>();
        if (exitAfter is not null) env.Add(new V1EnvVar { Name = "SIM_EXIT_AFTER", Value = exitAfter });
        if (exitCode is not null) env.Add(new V1EnvVar { Name = "SIM_EXIT_CODE", Value = exitCode });
        var containers = new List<V1Container> { new() { Name = "main", Image = "ghcr.io/acme/agent:1", Env = env } };
        containers.AddRange(extraContainers.Select(c => new V1Container { Name = c, Image = "busybox" }));
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "team-a", Uid = $"uid-{name}", ResourceVersion = "1" },
            Spec = new V1PodSpec
            {
                NodeName = nodeName,
                RuntimeClassName = runtimeClass,
                ActiveDeadlineSeconds = activeDeadlineSeconds,
                Containers = containers,
            },
            Status = new V1PodStatus { Phase = "Pending", QosClass = "Guaranteed" },
        };
    }

    /// <summary>The pod after the API server applied <paramref name="status"/> (and, optionally, a binding).</summary>
    public static V1Pod With(V1Pod pod, V1PodStatus? status = null, string? nodeName = null) => new()
    {
        ApiVersion = pod.ApiVersion,
        Kind = pod.Kind,
        Metadata = pod.Metadata,
        Spec = new V1PodSpec
        {
            NodeName = nodeName ?? pod.Spec.NodeName,
            RuntimeClassName = pod.Spec.RuntimeClassName,
            ActiveDeadlineSeconds = pod.Spec.ActiveDeadlineSeconds,
            Containers = pod.Spec.Containers,
            InitContainers = pod.Spec.InitContainers,
        },
        Status = status ?? pod.Status,
    };
}
