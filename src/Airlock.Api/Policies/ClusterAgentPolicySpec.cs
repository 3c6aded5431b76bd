using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;
using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Api.Policies;

/// <summary>Ceilings and defaults for the tasks of the selected namespaces. Omitted fields leave the built-in default.</summary>
[Description("Ceilings and defaults for AgentTasks. An omitted field keeps the built-in default.")]
public sealed class ClusterAgentPolicySpec
{
    [JsonPropertyName("namespaceSelector")]
    [Description("Namespaces this policy governs; omitted or empty selects every namespace.")]
    public V1LabelSelector? NamespaceSelector { get; set; }

    [JsonPropertyName("allowedRuntimeClasses")]
    [MinItems(1), ListType("set"), Pattern(SchemaPatterns.Dns1123Subdomain)]
    [Description("RuntimeClasses a task may use. Built-in: kata-qemu, kata-clh, kata-fc, kata-qemu-snp, kata-qemu-tdx.")]
    public IList<string>? AllowedRuntimeClasses { get; set; }

    [JsonPropertyName("defaultRuntimeClass")]
    [Pattern(SchemaPatterns.Dns1123Subdomain)]
    [Description("RuntimeClass of a task that names none. Built-in: kata-qemu.")]
    public string? DefaultRuntimeClass { get; set; }

    [JsonPropertyName("allowedImagePrefixes")]
    [ListType("set"), MinLength(1)]
    [Description("Image references must start with one of these (ghcr.io/acme/). Omitted: any image.")]
    public IList<string>? AllowedImagePrefixes { get; set; }

    [JsonPropertyName("requireImageDigest")]
    [Description("Require images pinned by digest (@sha256:...).")]
    public bool? RequireImageDigest { get; set; }

    [JsonPropertyName("defaultTimeout")]
    [Pattern(SchemaPatterns.GoDuration)]
    [Description("Timeout of a task that names none (Go duration). Built-in: 1h.")]
    public string? DefaultTimeout { get; set; }

    [JsonPropertyName("maxTimeout")]
    [Pattern(SchemaPatterns.GoDuration)]
    [Description("Longest timeout a task may ask for (Go duration). Built-in: 24h.")]
    public string? MaxTimeout { get; set; }

    [JsonPropertyName("defaultResources")]
    [Description("Resources of a task that names none. Built-in: 1 CPU, 2Gi memory, 4Gi ephemeral storage.")]
    public TaskResources? DefaultResources { get; set; }

    [JsonPropertyName("maxResources")]
    [Description("Largest resources a task may ask for. Built-in: 8 CPU, 32Gi memory, 100Gi ephemeral storage.")]
    public TaskResources? MaxResources { get; set; }

    [JsonPropertyName("defaultTokenExpirationSeconds")]
    [Minimum(600), Maximum(3600)]
    [Description("Gateway token lifetime of a task that names none. Built-in: 600.")]
    public long? DefaultTokenExpirationSeconds { get; set; }

    [JsonPropertyName("maxTokenExpirationSeconds")]
    [Minimum(600), Maximum(3600)]
    [Description("Longest gateway token lifetime a task may ask for. Built-in: 3600.")]
    public long? MaxTokenExpirationSeconds { get; set; }

    [JsonPropertyName("egress")]
    [Description("Which egress destinations tasks may declare.")]
    public EgressPolicy? Egress { get; set; }

    [JsonPropertyName("model")]
    [Description("Which providers and models tasks may use, and ceilings on their limits.")]
    public ModelPolicy? Model { get; set; }

    [JsonPropertyName("permissions")]
    [Description("Which Kubernetes API rights tasks may ask for.")]
    public PermissionPolicy? Permissions { get; set; }

    [JsonPropertyName("approval")]
    [Description("When a task must wait for a human approval.")]
    public ApprovalPolicy? Approval { get; set; }

    [JsonPropertyName("maxDebugWindow")]
    [Pattern(SchemaPatterns.GoDuration)]
    [Description("Longest debug opening, counted from the task's creation (Go duration). Built-in: 8h.")]
    public string? MaxDebugWindow { get; set; }
}
