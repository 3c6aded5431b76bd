namespace Airlock.Api.Policies;

/// <summary>Condition types and reasons of <c>ClusterAgentPolicy.status.conditions</c>.</summary>
public static class ClusterAgentPolicyConditions
{
    /// <summary>True when the policy is valid and the operator applies it.</summary>
    public const string Ready = "Ready";

    /// <summary>True when, in some namespace, this policy and another one cannot both be honoured as written (the stricter value wins).</summary>
    public const string Conflicting = "Conflicting";

    public const string Applied = "Applied";
    public const string Invalid = "Invalid";
    public const string NoConflict = "NoConflict";
    public const string StricterValueWins = "StricterValueWins";
}
