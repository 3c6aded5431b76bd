using Airlock.Api.Policies;
using Airlock.Api.Tasks;
using Airlock.Api.Values;

namespace Airlock.Operator.Policies;

/// <summary>Merges the ClusterAgentPolicies that select a namespace into one effective policy: the strictest value wins.</summary>
public static class PolicyMerger
{
    /// <summary>
    /// The built-in default tightened by every policy, in name order (so the result does not depend on list order).
    /// Values a policy cannot express (an unparseable duration) leave the stricter value in place.
    /// </summary>
    public static EffectivePolicy Merge(IEnumerable<ClusterAgentPolicy> policies)
    {
        var result = BuiltinPolicy.Effective;
        var ordered = policies.OrderBy(p => p.Metadata?.Name, StringComparer.Ordinal).ToList();
        foreach (var policy in ordered) result = Tighten(result, policy.Spec);
        return ordered.Count == 0 ? result : result with
        {
            Sources = ordered.Select(p => p.Metadata?.Name ?? "").ToList(),
            DefaultRuntimeClass = PickDefaultRuntime(result, ordered),
        };
    }

    private static EffectivePolicy Tighten(EffectivePolicy current, ClusterAgentPolicySpec spec)
    {
        var maxTimeout = Min(current.MaxTimeout, spec.MaxTimeout);
        var maxResources = current.MaxResources.Min(current.MaxResources.Overlay(spec.MaxResources));
        var maxToken = Math.Min(current.MaxTokenExpirationSeconds, spec.MaxTokenExpirationSeconds ?? long.MaxValue);
        var defaultToken = Math.Min(current.DefaultTokenExpirationSeconds, spec.DefaultTokenExpirationSeconds ?? long.MaxValue);
        var model = spec.Model;
        var approval = spec.Approval;
        return current with
        {
            AllowedRuntimeClasses = spec.AllowedRuntimeClasses is { } runtimes
                ? current.AllowedRuntimeClasses.Where(r => runtimes.Contains(r, StringComparer.Ordinal)).ToList()
                : current.AllowedRuntimeClasses,
            ImagePrefixAllowlists = Append(current.ImagePrefixAllowlists, spec.AllowedImagePrefixes),
            RequireImageDigest = current.RequireImageDigest || spec.RequireImageDigest == true,
            MaxTimeout = maxTimeout,
            DefaultTimeout = Min(Min(current.DefaultTimeout, spec.DefaultTimeout), maxTimeout),
            MaxResources = maxResources,
            DefaultResources = current.DefaultResources.Min(current.DefaultResources.Overlay(spec.DefaultResources)).Min(maxResources),
            MaxTokenExpirationSeconds = maxToken,
            DefaultTokenExpirationSeconds = Math.Clamp(defaultToken, EffectivePolicy.MinTokenExpirationSeconds, Math.Max(maxToken, EffectivePolicy.MinTokenExpirationSeconds)),
            HostAllowlists = Append(current.HostAllowlists, spec.Egress?.AllowedHosts),
            CidrAllowlists = Append(current.CidrAllowlists, spec.Egress?.AllowedCidrs),
            AllowedProviders = Intersect(current.AllowedProviders, model?.AllowedProviders),
            AllowedModels = Intersect(current.AllowedModels, model?.AllowedModels),
            MaxRequestsPerMinute = Min(current.MaxRequestsPerMinute, model?.MaxRequestsPerMinute),
            MaxTokensPerMinute = Min(current.MaxTokensPerMinute, model?.MaxTokensPerMinute),
            MaxTotalTokens = Min(current.MaxTotalTokens, model?.MaxTotalTokens),
            PermissionAllowlists = spec.Permissions?.Allowed is { } allowed ? [.. current.PermissionAllowlists, allowed.ToList()] : current.PermissionAllowlists,
            ApprovalAlways = current.ApprovalAlways || approval?.Always == true,
            ApprovalWhenWriteVerbs = current.ApprovalWhenWriteVerbs || approval?.WhenWriteVerbs == true,
            ApprovalWhenEgressHostsOutside = Append(current.ApprovalWhenEgressHostsOutside, approval?.WhenEgressHostsOutside),
            ApprovalWhenMaxTotalTokensAbove = Min(current.ApprovalWhenMaxTotalTokensAbove, approval?.WhenMaxTotalTokensAbove),
            MaxDebugWindow = Min(current.MaxDebugWindow, spec.MaxDebugWindow),
        };
    }

    /// <summary>The first policy default (by name) that every policy allows; else the built-in default if still allowed; else the first allowed class.</summary>
    private static string PickDefaultRuntime(EffectivePolicy merged, IEnumerable<ClusterAgentPolicy> policies)
    {
        var allowed = merged.AllowedRuntimeClasses;
        return policies.Select(p => p.Spec.DefaultRuntimeClass).FirstOrDefault(d => d is not null && allowed.Contains(d))
            ?? (allowed.Contains(merged.DefaultRuntimeClass) ? merged.DefaultRuntimeClass : (allowed.Count > 0 ? allowed[0] : merged.DefaultRuntimeClass));
    }

    private static TimeSpan Min(TimeSpan current, string? duration) =>
        GoDuration.TryParse(duration, out var value) && value < current ? value : current;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static T? Min<T>(T? current, T? value)
        where T : struct, IComparable<T> =>
        current is null ? value : value is null ? current : (value.Value.CompareTo(current.Value) < 0 ? value : current);

    private static IReadOnlyList<IReadOnlyList<string>> Append(IReadOnlyList<IReadOnlyList<string>> lists, IList<string>? list) =>
        list is null ? lists : [.. lists, list.ToList()];

    private static IReadOnlySet<string>? Intersect(IReadOnlySet<string>? current, IList<string>? allowed) =>
        allowed is null ? current : (current is null ? allowed.ToHashSet(StringComparer.Ordinal) : current.Where(allowed.Contains).ToHashSet(StringComparer.Ordinal));
}
