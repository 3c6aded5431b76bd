namespace Airlock.Gateway.Providers;

/// <summary>The wire protocol a provider speaks.</summary>
public enum ProviderType
{
    /// <summary>OpenAI-compatible: <c>/chat/completions</c>, <c>/embeddings</c>, <c>/models</c>; key as <c>Authorization: Bearer</c>.</summary>
    OpenAi = 0,

    /// <summary>Anthropic Messages: <c>/messages</c>; key as <c>x-api-key</c>.</summary>
    Anthropic = 1,
}
