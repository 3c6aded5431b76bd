using Airlock.Api.Tasks;
using Airlock.Operator.Manifests;
using k8s;

namespace Airlock.Operator.Tests.Support;

/// <summary>Builds tasks for tests: a small valid one to tweak, or one read from YAML.</summary>
public static class Tasks
{
    public static AgentTask Minimal(string name = "hello") => new()
    {
        Metadata = new() { Name = name, NamespaceProperty = "agents", Uid = "7f1c0a52-0000-4000-8000-000000000001", Generation = 1 },
        Spec = new AgentTaskSpec { Image = "ghcr.io/acme/agent@sha256:" + new string('a', 64) },
    };

    public static AgentTask FromYaml(string yaml) =>
        KubernetesJson.Deserialize<AgentTask>(ManifestReader.ReadDocuments(yaml).Single());
}
