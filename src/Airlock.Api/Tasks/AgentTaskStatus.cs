using System.ComponentModel;
using System.Text.Json.Serialization;
using Airlock.Api.Schema;
using k8s.Models;

namespace Airlock.Api.Tasks;

/// <summary>What the operator observed about a task and its sandbox.</summary>
[Description("Observed state of the task, written by the operator.")]
public sealed class AgentTaskStatus
{
    [JsonPropertyName("phase")]
    [EnumValues(AgentTaskPhase.Pending, AgentTaskPhase.AwaitingApproval, AgentTaskPhase.Running, AgentTaskPhase.Succeeded,
        AgentTaskPhase.Failed, AgentTaskPhase.TimedOut, AgentTaskPhase.Quarantined, AgentTaskPhase.Rejected)]
    [Description("Where the task is in its life: Pending, AwaitingApproval, Running, then one of Succeeded, Failed, TimedOut, Quarantined, Rejected (terminal).")]
    public string? Phase { get; set; }

    [JsonPropertyName("conditions")]
    [ListType("map", "type")]
    [Description("Approved, SandboxReady, Completed, Quarantined and SpecApplied, in the metav1.Condition shape.")]
    public IList<V1Condition>? Conditions { get; set; }

    [JsonPropertyName("reason")]
    [Description("Reason of the most recently changed condition (the REASON column).")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    [Description("Human-readable explanation of the phase.")]
    public string? Message { get; set; }

    [JsonPropertyName("podName")]
    [Description("Name of the sandbox pod.")]
    public string? PodName { get; set; }

    [JsonPropertyName("podSpecHash")]
    [Description("The spec hash (annotation agents.airlock.dev/spec-hash) the sandbox pod was created with; a pod that carries another one is not trusted.")]
    public string? PodSpecHash { get; set; }

    [JsonPropertyName("startTime")]
    [Format("date-time")]
    [Description("When the sandbox pod started running.")]
    public DateTime? StartTime { get; set; }

    [JsonPropertyName("completionTime")]
    [Format("date-time")]
    [Description("When the task reached a terminal phase; the TTL counts from here.")]
    public DateTime? CompletionTime { get; set; }

    [JsonPropertyName("observedGeneration")]
    [Format("int64")]
    [Description("The metadata.generation this status was computed from.")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("approvedBy")]
    [Description("Identity of the human who approved the task.")]
    public string? ApprovedBy { get; set; }

    [JsonPropertyName("approvedAt")]
    [Format("date-time")]
    [Description("When the task was approved.")]
    public DateTime? ApprovedAt { get; set; }

    [JsonPropertyName("usage")]
    [Description("What the agent consumed, as counted by the gateway and the egress proxy.")]
    public TaskUsage? Usage { get; set; }
}
