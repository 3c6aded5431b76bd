namespace Airlock.Api;

/// <summary>Labels Airlock puts on every object it creates for a task.</summary>
public static class AirlockLabels
{
    /// <summary>The name of the owning AgentTask (a DNS-1123 name is always a valid label value).</summary>
    public const string Task = AgentsGroup.Name + "/task";

    public const string ManagedBy = "app.kubernetes.io/managed-by";

    public const string ManagedByValue = "airlock";

    /// <summary>Which piece of the sandbox an object is (<c>agent</c>, <c>prompt</c>, <c>sandbox</c>).</summary>
    public const string Component = "app.kubernetes.io/component";
}
