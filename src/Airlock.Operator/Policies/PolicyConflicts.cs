using Airlock.Api.Policies;
using Airlock.Api.Values;

namespace Airlock.Operator.Policies;

/// <summary>
/// Where two ClusterAgentPolicies that select the same namespace cannot both be honoured as written. The merge still
/// resolves every conflict (the stricter value wins); these messages tell the policy authors what actually applies.
/// </summary>
public static class PolicyConflicts
{
    /// <summary>The conflicts between <paramref name="policy"/> and each of <paramref name="others"/> (which select a namespace it selects too).</summary>
    public static IReadOnlyList<string> Between(ClusterAgentPolicy policy, IEnumerable<ClusterAgentPolicy> others)
    {
        var found = new List<string>();
        var mine = policy.Spec;
        foreach (var other in others.Where(o => o.Metadata?.Name != policy.Metadata?.Name).OrderBy(o => o.Metadata?.Name, StringComparer.Ordinal))
        {
            var theirs = other.Spec;
            var name = other.Metadata?.Name ?? "";
            if (mine.AllowedRuntimeClasses is { } a && theirs.AllowedRuntimeClasses is { } b && !a.Intersect(b, StringComparer.Ordinal).Any())
                found.Add($"allowedRuntimeClasses shares no runtime class with policy {name}: no task can run where both apply");
            if (mine.DefaultRuntimeClass is { } runtime && theirs.AllowedRuntimeClasses is { } allowed && !allowed.Contains(runtime, StringComparer.Ordinal))
                found.Add($"defaultRuntimeClass {runtime} is not allowed by policy {name}; another default applies where both apply");
            if (GoDuration.TryParse(mine.DefaultTimeout, out var defaultTimeout) && GoDuration.TryParse(theirs.MaxTimeout, out var maxTimeout) && defaultTimeout > maxTimeout)
                found.Add($"defaultTimeout {mine.DefaultTimeout} is longer than maxTimeout {theirs.MaxTimeout} of policy {name}; {theirs.MaxTimeout} applies where both apply");
            if (Disjoint(mine.Model?.AllowedProviders, theirs.Model?.AllowedProviders))
                found.Add($"model.allowedProviders shares no provider with policy {name}: no task can use a model where both apply");
            if (Disjoint(mine.Model?.AllowedModels, theirs.Model?.AllowedModels))
                found.Add($"model.allowedModels shares no model with policy {name}: no task can use a model where both apply");
            if (mine.DefaultTokenExpirationSeconds is { } token && theirs.MaxTokenExpirationSeconds is { } maxToken && token > maxToken)
                found.Add($"defaultTokenExpirationSeconds {token} is above maxTokenExpirationSeconds {maxToken} of policy {name}; {maxToken} applies where both apply");
        }
        return found;
    }

    private static bool Disjoint(IList<string>? a, IList<string>? b) => a is not null && b is not null && !a.Intersect(b, StringComparer.Ordinal).Any();
}
