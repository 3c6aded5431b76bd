using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using k8s.Models;

namespace Airlock.Operator.Sandbox;

/// <summary>The hardened sandbox pod of a task (DESIGN.md, "What the operator creates").</summary>
public static class SandboxPodBuilder
{
    public const string ContainerName = "agent";

    /// <summary>The pod's <c>app.kubernetes.io/component</c> label (the NetworkPolicy selects it with the task label).</summary>
    public const string Component = "agent";
    public const string TokenVolume = "airlock-token";
    public const string PromptVolume = "prompt";
    public const string WorkspaceVolume = "workspace";
    public const string KubeApiTokenVolume = "kube-api-access";
    public const string KubeApiTokenDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>File mode 0444 (read-only for everyone; the agent's UID differs from the kubelet's). C# has no octal literals.</summary>
    public const int ReadOnlyMode = 0b100_100_100;

    public static V1Pod Build(AgentTask task, EffectivePolicy policy, SandboxSettings settings) => Build(task, policy, settings, DesiredHash.OfSandboxSpec(task.Spec));

    /// <param name="specHash"><see cref="DesiredHash.OfSandboxSpec"/> of the task's spec, when the caller has it already.</param>
    public static V1Pod Build(AgentTask task, EffectivePolicy policy, SandboxSettings settings, string specHash)
    {
        var spec = task.Spec;
        var name = task.Metadata.Name;
        var resources = policy.ResourcesFor(spec);
        var amounts = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = resources.Cpu,
            ["memory"] = resources.Memory,
            ["ephemeral-storage"] = resources.EphemeralStorage,
        };
        var hasApiAccess = spec.Permissions is { Count: > 0 };
        var metadata = ChildMetadata.For(task, SandboxNames.Agent(name), Component);
        metadata.Annotations = new Dictionary<string, string> { [AirlockAnnotations.SpecHash] = specHash };

        var mounts = new List<V1VolumeMount>
        {
            new() { Name = TokenVolume, MountPath = SandboxContract.TokenDirectory, ReadOnlyProperty = true },
            new() { Name = PromptVolume, MountPath = SandboxContract.PromptDirectory, ReadOnlyProperty = true },
            new() { Name = WorkspaceVolume, MountPath = SandboxContract.WorkspacePath },
        };
        var volumes = new List<V1Volume>
        {
            TokenVolumeFor(policy.TokenExpirationSecondsFor(spec), settings.TokenAudience),
            new()
            {
                Name = PromptVolume,
                ConfigMap = new V1ConfigMapVolumeSource
                {
                    Name = SandboxNames.Prompt(name),
                    Items = [new V1KeyToPath { Key = SandboxContract.PromptKey, Path = SandboxContract.PromptKey }],
                    DefaultMode = ReadOnlyMode,
                },
            },
            new() { Name = WorkspaceVolume, EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = resources.EphemeralStorage } },
        };
        if (hasApiAccess)
        {
            mounts.Add(new V1VolumeMount { Name = KubeApiTokenVolume, MountPath = KubeApiTokenDirectory, ReadOnlyProperty = true });
            volumes.Add(KubeApiVolumeFor(policy.TokenExpirationSecondsFor(spec)));
        }

        return DesiredHash.Stamp(new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = metadata,
            Spec = new V1PodSpec
            {
                RuntimeClassName = policy.RuntimeClassFor(spec),
                RestartPolicy = "Never",
                ActiveDeadlineSeconds = Math.Max(1, (long)Math.Ceiling(policy.TimeoutFor(spec).TotalSeconds)),
                ServiceAccountName = SandboxNames.Agent(name),
                AutomountServiceAccountToken = false,
                EnableServiceLinks = false,
                HostNetwork = false,
                HostPID = false,
                HostIPC = false,
                ShareProcessNamespace = false,
                TerminationGracePeriodSeconds = 10,
                SecurityContext = new V1PodSecurityContext
                {
                    RunAsNonRoot = true,
                    RunAsUser = settings.RunAsUser,
                    RunAsGroup = settings.RunAsUser,
                    FsGroup = settings.RunAsUser,
                    SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                },
                Containers =
                [
                    new V1Container
                    {
                        Name = ContainerName,
                        Image = spec.Image,
                        Command = spec.Command is { Count: > 0 } ? [.. spec.Command] : null,
                        Args = spec.Args is { Count: > 0 } ? [.. spec.Args] : null,
                        Env = SandboxEnvironment.For(task, settings),
                        Resources = new V1ResourceRequirements
                        {
                            Requests = new Dictionary<string, ResourceQuantity>(amounts),
                            Limits = new Dictionary<string, ResourceQuantity>(amounts),
                        },
                        SecurityContext = new V1SecurityContext
                        {
                            RunAsNonRoot = true,
                            ReadOnlyRootFilesystem = true,
                            AllowPrivilegeEscalation = false,
                            Privileged = false,
                            Capabilities = new V1Capabilities { Drop = ["ALL"] },
                            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                        },
                        VolumeMounts = mounts,
                        TerminationMessagePolicy = "FallbackToLogsOnError",
                    },
                ],
                Volumes = volumes,
            },
        });
    }

    /// <summary>The gateway token: bound to the pod, the gateway's audience only (<c>airlock-gateway</c> by default), rotated by the kubelet.</summary>
    private static V1Volume TokenVolumeFor(long expirationSeconds, string audience) => new()
    {
        Name = TokenVolume,
        Projected = new V1ProjectedVolumeSource
        {
            DefaultMode = ReadOnlyMode,
            Sources =
            [
                new V1VolumeProjection
                {
                    ServiceAccountToken = new V1ServiceAccountTokenProjection
                    {
                        Audience = audience,
                        ExpirationSeconds = expirationSeconds,
                        Path = "token",
                    },
                },
            ],
        },
    };

    /// <summary>
    /// For tasks with permissions only: an API-server token in the standard location, as short-lived as the gateway token.
    /// Automounting stays off for every task, so a task without permissions holds no API credential at all.
    /// </summary>
    private static V1Volume KubeApiVolumeFor(long expirationSeconds) => new()
    {
        Name = KubeApiTokenVolume,
        Projected = new V1ProjectedVolumeSource
        {
            DefaultMode = ReadOnlyMode,
            Sources =
            [
                new V1VolumeProjection
                {
                    ServiceAccountToken = new V1ServiceAccountTokenProjection { ExpirationSeconds = expirationSeconds, Path = "token" },
                },
                new V1VolumeProjection
                {
                    ConfigMap = new V1ConfigMapProjection { Name = "kube-root-ca.crt", Items = [new V1KeyToPath { Key = "ca.crt", Path = "ca.crt" }] },
                },
                new V1VolumeProjection
                {
                    DownwardAPI = new V1DownwardAPIProjection
                    {
                        Items = [new V1DownwardAPIVolumeFile { Path = "namespace", FieldRef = new V1ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.namespace" } }],
                    },
                },
            ],
        },
    };
}
