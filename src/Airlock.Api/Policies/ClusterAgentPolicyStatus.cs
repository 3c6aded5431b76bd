using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;
using k8s.Models;

namespace Airlock.Api.Policies;

/// <summary>What the operator observed about a policy.</summary>
[Description("Observed state of the policy, written by the operator.")]
public sealed class ClusterAgentPolicyStatus
{
    [JsonPropertyName("governedNamespaces")]
    [ListType("set")]
    [Description("Namespaces the policy currently selects.")]
    public IList<string>? GovernedNamespaces { get; set; }

    [JsonPropertyName("conditions")]
    [ListType("map", "type")]
    [Description("Conditions of the policy (metav1.Condition shape).")]
    public IList<V1Condition>? Conditions { get; set; }

    [JsonPropertyName("observedGeneration")]
    [Format("int64")]
    [Description("The metadata.generation this status was computed from.")]
    public long? ObservedGeneration { get; set; }
}
