using Airlock.Api.Policies;
using Airlock.Api.Values;
using Airlock.Operator.Policies;

namespace Airlock.Operator.Validation;

/// <summary>Checks a ClusterAgentPolicy for values that contradict each other (a default above its own maximum…).</summary>
public static class ClusterAgentPolicyValidator
{
    public static IReadOnlyList<FieldProblem> Validate(ClusterAgentPolicy policy)
    {
        var problems = new List<FieldProblem>();
        if (policy.Spec is not { } spec) return [new("spec", "is required; give at least the fields to tighten")];
        if (spec.DefaultRuntimeClass is { } runtime)
        {
            var allowed = spec.AllowedRuntimeClasses ?? [.. BuiltinPolicy.RuntimeClasses];
            if (!allowed.Contains(runtime))
                problems.Add(new("spec.defaultRuntimeClass", $"\"{runtime}\" is not in the allowed runtime classes; use one of {string.Join(", ", allowed)}"));
        }
        foreach (var runtimeClass in (spec.AllowedRuntimeClasses ?? []).Where(r => !BuiltinPolicy.RuntimeClasses.Contains(r)))
        {
            problems.Add(new("spec.allowedRuntimeClasses", $"\"{runtimeClass}\" is not a Kata runtime Airlock knows; use {string.Join(", ", BuiltinPolicy.RuntimeClasses)}"));
        }
        var timeouts = new[] { ("spec.defaultTimeout", spec.DefaultTimeout), ("spec.maxTimeout", spec.MaxTimeout), ("spec.maxDebugWindow", spec.MaxDebugWindow) };
        foreach (var (field, value) in timeouts)
        {
            if (value is not null && !GoDuration.TryParse(value, out _)) problems.Add(new(field, $"\"{value}\" is not a Go duration; write e.g. 1h or 30m"));
        }
        if (GoDuration.TryParse(spec.DefaultTimeout, out var defaultTimeout) && GoDuration.TryParse(spec.MaxTimeout, out var maxTimeout) && defaultTimeout > maxTimeout)
            problems.Add(new("spec.defaultTimeout", $"{spec.DefaultTimeout} is longer than maxTimeout {spec.MaxTimeout}; lower it"));
        if (spec.DefaultTokenExpirationSeconds > spec.MaxTokenExpirationSeconds)
            problems.Add(new("spec.defaultTokenExpirationSeconds", "is above maxTokenExpirationSeconds; lower it"));
        return problems;
    }
}
