namespace Airlock.Operator.Webhooks;

/// <summary>Where the operator serves its admission webhooks, and the names they are registered under (kubebuilder's path scheme).</summary>
public static class WebhookPaths
{
    public const string Mutate = "/mutate-agents-airlock-dev-v1alpha1-agenttask";
    public const string Validate = "/validate-agents-airlock-dev-v1alpha1-agenttask";

    /// <summary>Name of the Mutating- and ValidatingWebhookConfiguration (the chart's too).</summary>
    public const string ConfigurationName = "airlock";

    public const string MutatingWebhookName = "mutate.agenttasks.agents.airlock.dev";
    public const string ValidatingWebhookName = "validate.agenttasks.agents.airlock.dev";
}
