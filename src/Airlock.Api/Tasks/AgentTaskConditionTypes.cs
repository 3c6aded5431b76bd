namespace Airlock.Api.Tasks;

/// <summary>Condition types of <c>AgentTask.status.conditions</c>.</summary>
public static class AgentTaskConditionTypes
{
    /// <summary>True once a human approved the task (or no approval is needed); False while waiting or when rejected.</summary>
    public const string Approved = "Approved";

    /// <summary>True while the sandbox pod runs.</summary>
    public const string SandboxReady = "SandboxReady";

    /// <summary>True once the task reached a terminal phase; the reason says which.</summary>
    public const string Completed = "Completed";

    /// <summary>True when the task was quarantined.</summary>
    public const string Quarantined = "Quarantined";

    /// <summary>False when the spec changed after the sandbox was created: the running sandbox keeps the old spec.</summary>
    public const string SpecApplied = "SpecApplied";
}
