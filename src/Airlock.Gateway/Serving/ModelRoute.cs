namespace Airlock.Gateway.Serving;

/// <summary>The model-call routes the gateway serves, with the provider path each forwards to.</summary>
public enum ModelRoute
{
    ChatCompletions = 0,
    Embeddings = 1,
    Messages = 2,
}
