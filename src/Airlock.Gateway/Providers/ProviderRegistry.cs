namespace Airlock.Gateway.Providers;

/// <summary>The providers the gateway knows, by name.</summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, Provider> _providers;

    public ProviderRegistry(IEnumerable<ProviderOptions> providers, TimeProvider time) =>
        _providers = providers.ToDictionary(p => p.Name, p => new Provider(p, time), StringComparer.Ordinal);

    public Provider? Find(string? name) => name is not null && _providers.TryGetValue(name, out var provider) ? provider : null;

    public IReadOnlyCollection<Provider> All => _providers.Values;
}
