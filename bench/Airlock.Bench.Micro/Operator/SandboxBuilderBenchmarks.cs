using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using Airlock.Operator.Status;
using BenchmarkDotNet.Attributes;
using k8s.Models;

namespace Airlock.Bench.Micro.Operator;

/// <summary>The reconciler's pure work per task: the desired sandbox, its hashes, and the status from observed children.</summary>
[MemoryDiagnoser]
public class SandboxBuilderBenchmarks
{
    private readonly AgentTask _task = new()
    {
        Metadata = new V1ObjectMeta { Name = "triage-4211", NamespaceProperty = "agents", Uid = "7d0c5f0e-0000-4000-8000-000000000001", Generation = 1 },
        Spec = new AgentTaskSpec
        {
            Image = "ghcr.io/acme/agent@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            Prompt = "Triage issue 4211 and propose a label.",
            RuntimeClassName = "kata-qemu",
            Resources = new TaskResources { Cpu = "1", Memory = "2Gi", EphemeralStorage = "4Gi" },
            Egress = [new EgressRule { Host = "api.github.com", Ports = [443] }, new EgressRule { Cidr = "10.40.0.0/16", Ports = [5432] }],
            Model = new ModelAccess { Provider = "openai", AllowedModels = ["gpt-4.1-mini"], RequestsPerMinute = 60 },
            Permissions = [new PermissionRule { ApiGroups = [""], Resources = ["configmaps"], ResourceNames = ["triage-input"], Verbs = ["get"] }],
        },
    };

    private readonly V1Pod _runningPod = new()
    {
        Metadata = new V1ObjectMeta { Name = "triage-4211-agent" },
        Status = new V1PodStatus { Phase = "Running", StartTime = DateTime.UtcNow },
    };

    [Benchmark]
    public SandboxObjects Build() => AgentTaskSandbox.Build(_task, BuiltinPolicy.Effective, SandboxSettings.Default);

    [Benchmark]
    public StatusResult Status() => AgentTaskStatusCalculator.Compute(_task, new ObservedChildren(_runningPod, true), DateTime.UtcNow);
}
