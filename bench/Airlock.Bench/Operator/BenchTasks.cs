using System.Globalization;
using Airlock.Api;
using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Bench.Operator;

/// <summary>The AgentTasks the harnesses create: a typical sandbox (prompt, one egress host, model access, no extra permissions).</summary>
public static class BenchTasks
{
    public const string Image = "ghcr.io/acme/agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static string Name(string prefix, int index) => prefix + "-" + index.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A task; <paramref name="exitAfter"/> makes the simulated kubelet end its pod (with <paramref name="exitCode"/>).</summary>
    public static AgentTask New(string ns, string name, string? exitAfter = null, int exitCode = 0, int? ttlSeconds = null)
    {
        var env = new List<TaskEnvVar> { new() { Name = "LOG_LEVEL", Value = "info" } };
        if (exitAfter is not null)
        {
            env.Add(new TaskEnvVar { Name = "SIM_EXIT_AFTER", Value = exitAfter });
            env.Add(new TaskEnvVar { Name = "SIM_EXIT_CODE", Value = exitCode.ToString(CultureInfo.InvariantCulture) });
        }
        return new AgentTask
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new AgentTaskSpec
            {
                Image = Image,
                Prompt = "Triage the issue and propose a label.",
                RuntimeClassName = "kata-qemu",
                Resources = new TaskResources { Cpu = "500m", Memory = "1Gi", EphemeralStorage = "2Gi" },
                Egress = [new EgressRule { Host = "api.github.com", Ports = [443] }],
                Model = new ModelAccess { Provider = "openai", AllowedModels = ["gpt-4.1-mini"], RequestsPerMinute = 60 },
                Env = env,
                TtlSecondsAfterFinished = ttlSeconds,
            },
        };
    }

    /// <summary>Creates the task and returns it as stored (with its uid).</summary>
    public static async Task<AgentTask> CreateAsync(IKubernetes client, AgentTask task, CancellationToken cancellationToken = default)
    {
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            task, AgentsGroup.Name, AgentsGroup.Version, task.Metadata.NamespaceProperty, AgentTask.KubePlural, cancellationToken: cancellationToken).ConfigureAwait(false);
        return KubernetesJson.Deserialize<AgentTask>(KubernetesJson.Serialize(created));
    }
}
