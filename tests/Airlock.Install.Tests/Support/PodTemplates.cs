using System.Text.Json.Nodes;

namespace Airlock.Install.Tests.Support;

/// <summary>The pod specs of rendered workloads and their containers.</summary>
public static class PodTemplates
{
    private static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"];

    public static IEnumerable<(Manifest Owner, JsonObject Pod)> In(IEnumerable<Manifest> manifests) =>
        manifests.Where(m => WorkloadKinds.Contains(m.Kind))
            .Select(m => (m, m.At("spec.template.spec") as JsonObject ?? throw new InvalidOperationException($"{m} has no pod template")));

    public static IEnumerable<(Manifest Owner, JsonObject Container)> Containers(IEnumerable<Manifest> manifests) =>
        In(manifests).SelectMany(p => Each(p.Pod, "containers").Concat(Each(p.Pod, "initContainers")).Select(c => (p.Owner, c)));

    private static IEnumerable<JsonObject> Each(JsonObject pod, string field) =>
        pod[field] is JsonArray list ? list.OfType<JsonObject>() : [];
}
