using Airlock.Api.Tasks;
using Airlock.Operator.Policies;

namespace Airlock.Operator.Validation;

/// <summary>Checks model access: positive limits within the policy's ceilings, allowed providers and models.</summary>
public static class ModelValidator
{
    public static void Validate(ModelAccess? model, EffectivePolicy policy, List<FieldProblem> problems)
    {
        if (model is null) return;
        if (string.IsNullOrEmpty(model.Provider))
            problems.Add(new("spec.model.provider", "is required; name a provider configured in the gateway (e.g. openai)"));
        else if (policy.AllowedProviders is { } providers && !providers.Contains(model.Provider))
            problems.Add(new("spec.model.provider", $"\"{model.Provider}\" is not allowed; use one of {List(providers)}"));

        for (var i = 0; i < (model.AllowedModels?.Count ?? 0); i++)
        {
            var name = model.AllowedModels![i];
            if (string.IsNullOrWhiteSpace(name)) problems.Add(new($"spec.model.allowedModels[{i}]", "is empty; name a model"));
            else if (policy.AllowedModels is { } models && !models.Contains(name))
                problems.Add(new($"spec.model.allowedModels[{i}]", $"\"{name}\" is not allowed; use one of {List(models)}"));
        }
        if (policy.AllowedModels is { } allowed && model.AllowedModels is not { Count: > 0 })
            problems.Add(new("spec.model.allowedModels", $"is required by the policy; list the models the task uses (from {List(allowed)})"));

        Limit("requestsPerMinute", model.RequestsPerMinute, policy.MaxRequestsPerMinute);
        Limit("tokensPerMinute", model.TokensPerMinute, policy.MaxTokensPerMinute);
        Limit("maxTotalTokens", model.MaxTotalTokens, policy.MaxTotalTokens);

        void Limit(string name, long? value, long? max)
        {
            if (value is null) return;
            if (value <= 0) problems.Add(new("spec.model." + name, $"{value} is not positive; give a positive limit"));
            else if (value > max) problems.Add(new("spec.model." + name, $"{value} is above the policy's ceiling {max}; ask for at most {max}"));
        }
    }

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal));
}
