namespace Airlock.Operator.Hosting;

/// <summary>How the operator registers its admission webhooks.</summary>
public enum WebhookRegistration
{
    /// <summary>Leave the configurations alone (cert-manager injects the caBundle).</summary>
    None = 0,

    /// <summary>Patch the caBundle of the chart's <c>airlock</c> configurations with the operator's own CA.</summary>
    PatchCaBundle = 1,

    /// <summary>Write both configurations with <c>clientConfig.url</c> pointing at the operator's server (airlock dev).</summary>
    Url = 2,
}
