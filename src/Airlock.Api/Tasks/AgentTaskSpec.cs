using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Tasks;

/// <summary>The desired sandbox: image, inputs, limits, and every way out it may use.</summary>
[Description("What the agent runs and what it may reach. Anything not declared here is denied.")]
public sealed class AgentTaskSpec
{
    /// <summary>Largest prompt accepted (256 KiB): ConfigMaps hold at most 1 MiB and prompts are scanned inline.</summary>
    public const int MaxPromptBytes = 256 * 1024;

    [JsonPropertyName("image")]
    [Required, MinLength(1), MaxLength(1024)]
    [Description("Container image of the agent. Pin it by digest (name@sha256:<64 hex>); a policy may require that.")]
    public string Image { get; set; } = "";

    [JsonPropertyName("command")]
    [MaxItems(64)]
    [Description("Entrypoint override; the image's entrypoint when omitted.")]
    public IList<string>? Command { get; set; }

    [JsonPropertyName("args")]
    [MaxItems(256)]
    [Description("Arguments to the entrypoint.")]
    public IList<string>? Args { get; set; }

    [JsonPropertyName("env")]
    [MaxItems(128), ListType("map", "name")]
    [Description("Literal environment variables (no valueFrom: secrets never enter the sandbox). Proxy, AIRLOCK_* and KUBERNETES_* names are reserved.")]
    public IList<TaskEnvVar>? Env { get; set; }

    [JsonPropertyName("prompt")]
    [MaxLength(MaxPromptBytes)]
    [Description("The task's instructions, mounted read-only at /airlock/prompt. At most 256 KiB.")]
    public string? Prompt { get; set; }

    [JsonPropertyName("resources")]
    [Description("CPU, memory and scratch space. Requests equal limits: Kata sizes the guest VM from them. Defaults come from the policy.")]
    public TaskResources? Resources { get; set; }

    [JsonPropertyName("runtimeClassName")]
    [MaxLength(253), Pattern(SchemaPatterns.Dns1123Subdomain)]
    [Description("RuntimeClass of the sandbox (a Kata Containers class). Default and allowed set come from the ClusterAgentPolicy.")]
    public string? RuntimeClassName { get; set; }

    [JsonPropertyName("timeout")]
    [MaxLength(64), Pattern(SchemaPatterns.GoDuration)]
    [Description("Longest run, as a Go duration (30m, 2h); becomes the pod's activeDeadlineSeconds. Default and maximum come from the policy.")]
    public string? Timeout { get; set; }

    [JsonPropertyName("ttlSecondsAfterFinished")]
    [Minimum(0), Maximum(7 * 24 * 3600), Default("300")]
    [Description("Seconds after the task ends before its sandbox objects are deleted.")]
    public int? TtlSecondsAfterFinished { get; set; }

    [JsonPropertyName("egress")]
    [MaxItems(64)]
    [Description("Destinations the agent may reach besides DNS, the model gateway and the egress proxy. Empty: none.")]
    public IList<EgressRule>? Egress { get; set; }

    [JsonPropertyName("model")]
    [Description("Model access through the Airlock gateway. Absent: no model access.")]
    public ModelAccess? Model { get; set; }

    [JsonPropertyName("permissions")]
    [MaxItems(32)]
    [Description("Kubernetes API rights of the agent's identity, in its own namespace (a Role). Empty: none.")]
    public IList<PermissionRule>? Permissions { get; set; }

    [JsonPropertyName("tokenExpirationSeconds")]
    [Minimum(600), Maximum(3600)]
    [Description("Lifetime of the projected gateway token in seconds (600..3600); the kubelet rotates it at 80%. Default from the policy.")]
    public long? TokenExpirationSeconds { get; set; }

    [JsonPropertyName("approval")]
    [Description("Human approval before the sandbox starts.")]
    public ApprovalRequest? Approval { get; set; }

    [JsonPropertyName("debug")]
    [Description("A temporary ingress opening into the sandbox; ingress is denied otherwise.")]
    public DebugAccess? Debug { get; set; }
}
