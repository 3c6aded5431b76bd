namespace Airlock.Gateway.Providers;

/// <summary>A configured provider at run time: its options and its (rotating) key.</summary>
public sealed class Provider(ProviderOptions options, TimeProvider time)
{
    public ProviderOptions Options { get; } = options;

    public string Name => Options.Name;

    public ProviderType Type => Options.Type;

    public ProviderKey Key { get; } = new(options.KeyFile, time);

    /// <summary>The upstream URL for a gateway path below <c>/v1</c> (<c>chat/completions</c> → <c>{base}/chat/completions</c>).</summary>
    public Uri Resolve(string relativePath) => new(Options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + relativePath);
}
