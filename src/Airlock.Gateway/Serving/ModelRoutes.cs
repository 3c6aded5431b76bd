using Airlock.Gateway.Providers;

namespace Airlock.Gateway.Serving;

/// <summary>Facts about each <see cref="ModelRoute"/>.</summary>
public static class ModelRoutes
{
    public static string UpstreamPath(ModelRoute route) => route switch
    {
        ModelRoute.ChatCompletions => "chat/completions",
        ModelRoute.Embeddings => "embeddings",
        _ => "messages",
    };

    public static string Name(ModelRoute route) => route switch
    {
        ModelRoute.ChatCompletions => "chat.completions",
        ModelRoute.Embeddings => "embeddings",
        _ => "messages",
    };

    public static ApiFlavor Flavor(ModelRoute route) => route == ModelRoute.Messages ? ApiFlavor.Anthropic : ApiFlavor.OpenAi;

    public static ProviderType ProviderType(ModelRoute route) => route == ModelRoute.Messages ? Providers.ProviderType.Anthropic : Providers.ProviderType.OpenAi;
}
