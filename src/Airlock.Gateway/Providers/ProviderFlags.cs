namespace Airlock.Gateway.Providers;

/// <summary>
/// Parses the CLI's provider flags (<c>--provider NAME=BASE_URL</c>, <c>--provider-key-file NAME=PATH</c>,
/// <c>--provider-type NAME=openai|anthropic</c>) into provider options; every problem is reported at once.
/// </summary>
public static class ProviderFlags
{
    public static (IReadOnlyList<ProviderOptions> Providers, IReadOnlyList<string> Errors) Parse(
        IEnumerable<string> providers, IEnumerable<string> keyFiles, IEnumerable<string> types)
    {
        var errors = new List<string>();
        var urls = Pairs("--provider", providers, errors);
        var keys = Pairs("--provider-key-file", keyFiles, errors);
        var kinds = Pairs("--provider-type", types, errors);
        foreach (var name in keys.Keys.Concat(kinds.Keys).Where(n => !urls.ContainsKey(n)).Distinct(StringComparer.Ordinal))
        {
            errors.Add($"provider \"{name}\" has a key file or type but no --provider {name}=BASE_URL");
        }
        var result = new List<ProviderOptions>();
        foreach (var (name, url) in urls)
        {
            var type = ProviderType.OpenAi;
            if (kinds.TryGetValue(name, out var kind))
            {
                if (string.Equals(kind, "anthropic", StringComparison.OrdinalIgnoreCase)) type = ProviderType.Anthropic;
                else if (!string.Equals(kind, "openai", StringComparison.OrdinalIgnoreCase)) errors.Add($"--provider-type {name}: \"{kind}\" is not openai or anthropic");
            }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            {
                errors.Add($"--provider {name}: \"{url}\" is not an http(s) URL");
                continue;
            }
            result.Add(new ProviderOptions(name, type, baseUrl, keys.GetValueOrDefault(name)));
        }
        return (result, errors);
    }

    private static Dictionary<string, string> Pairs(string flag, IEnumerable<string> values, List<string> errors)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == value.Length - 1)
            {
                errors.Add($"{flag} \"{value}\": expected NAME=VALUE");
                continue;
            }
            if (!pairs.TryAdd(value[..eq], value[(eq + 1)..])) errors.Add($"{flag}: \"{value[..eq]}\" is given twice");
        }
        return pairs;
    }
}
