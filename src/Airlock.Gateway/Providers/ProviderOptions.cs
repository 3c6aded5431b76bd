namespace Airlock.Gateway.Providers;

/// <summary>
/// A model provider the gateway forwards to. <paramref name="BaseUrl"/> replaces the gateway's <c>/v1</c> prefix
/// (<c>https://api.openai.com/v1</c>, <c>https://api.anthropic.com/v1</c>); <paramref name="KeyFile"/> holds the API key
/// (a Secret mounted only into the gateway) and is re-read when it changes.
/// </summary>
public sealed record ProviderOptions(string Name, ProviderType Type, Uri BaseUrl, string? KeyFile);
