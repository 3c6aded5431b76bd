using Airlock.Api.Tasks;
using Airlock.Operator.Validation;

namespace Airlock.Operator.Policies;

/// <summary>Whether a task must wait for a human before its sandbox is created, and why.</summary>
public static class ApprovalRules
{
    /// <summary>The first reason the task needs approval, or null when it does not.</summary>
    public static string? Reason(AgentTaskSpec spec, EffectivePolicy policy)
    {
        if (spec.Approval?.Required == true) return "the task asks for approval";
        if (policy.ApprovalAlways) return "the policy requires approval for every task";
        if (policy.ApprovalWhenWriteVerbs && PermissionValidator.HasWriteVerbs(spec.Permissions)) return "the task's permissions include write verbs";
        foreach (var hosts in policy.ApprovalWhenEgressHostsOutside)
        {
            var outside = spec.Egress?.Select(e => e.Host).OfType<string>().FirstOrDefault(h => !hosts.Any(p => HostPattern.Covers(p, h)));
            if (outside is not null) return $"egress host {outside} is outside the hosts that need no approval";
        }
        if (policy.ApprovalWhenMaxTotalTokensAbove is { } limit && spec.Model is not null && (spec.Model.MaxTotalTokens ?? long.MaxValue) > limit)
            return $"the token budget is above {limit}";
        return null;
    }

    public static bool Required(AgentTaskSpec spec, EffectivePolicy policy) => Reason(spec, policy) is not null;
}
