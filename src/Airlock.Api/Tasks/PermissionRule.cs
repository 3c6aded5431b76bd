using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;

namespace Airlock.Api.Tasks;

/// <summary>A Kubernetes RBAC rule (PolicyRule shape without non-resource URLs) granted to the agent in its namespace.</summary>
[Description("An RBAC rule granted to the agent's service account in the task's namespace.")]
public sealed record PermissionRule
{
    [JsonPropertyName("apiGroups")]
    [Required, MinItems(1), ListType("set")]
    [Description("API groups (\"\" is the core group). \"*\" is not allowed.")]
    public IList<string> ApiGroups { get; set; } = [];

    [JsonPropertyName("resources")]
    [Required, MinItems(1), ListType("set")]
    [Description("Resources (configmaps, pods/log). Secrets, exec/attach/portforward, tokens, RBAC, nodes, CRDs and webhooks are not allowed, nor \"*\".")]
    public IList<string> Resources { get; set; } = [];

    [JsonPropertyName("resourceNames")]
    [ListType("set")]
    [Description("Restrict the rule to these object names.")]
    public IList<string>? ResourceNames { get; set; }

    [JsonPropertyName("verbs")]
    [Required, MinItems(1), ListType("set")]
    [Description("Verbs (get, list, watch, create, update, patch, delete). \"*\", escalate, bind and impersonate are not allowed.")]
    public IList<string> Verbs { get; set; } = [];
}
