using System.Net;
using System.Net.Sockets;

namespace Airlock.Egress.Resolution;

/// <summary>
/// Resolves through the system resolver, except names in the override map (<c>--egress-resolve HOST=IP</c>), which
/// resolve to exactly the configured addresses.
/// </summary>
public sealed class DnsHostResolver(IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> overrides) : IHostResolver
{
    private readonly Dictionary<string, IReadOnlyList<IPAddress>> _overrides =
        overrides.ToDictionary(o => o.Key.TrimEnd('.').ToLowerInvariant(), o => o.Value, StringComparer.Ordinal);

    public DnsHostResolver()
        : this(new Dictionary<string, IReadOnlyList<IPAddress>>())
    {
    }

    public async Task<ResolvedHost> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (_overrides.TryGetValue(host, out var fixedAddresses)) return new ResolvedHost(fixedAddresses, FromOverride: true);
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            return new ResolvedHost(addresses, FromOverride: false);
        }
        catch (SocketException)
        {
            return new ResolvedHost([], FromOverride: false);
        }
    }

    /// <summary>Parses <c>HOST=IP</c> (repeatable; several entries for one host add addresses).</summary>
    public static Dictionary<string, IReadOnlyList<IPAddress>> ParseOverrides(IEnumerable<string> entries)
    {
        var map = new Dictionary<string, List<IPAddress>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=');
            if (eq <= 0 || !IPAddress.TryParse(entry[(eq + 1)..], out var address))
                throw new FormatException($"\"{entry}\" is not HOST=IP (e.g. api.example.test=127.0.0.1)");
            var host = entry[..eq].Trim().TrimEnd('.').ToLowerInvariant();
            if (!map.TryGetValue(host, out var list)) map[host] = list = [];
            list.Add(address);
        }
        return map.ToDictionary(m => m.Key, m => (IReadOnlyList<IPAddress>)m.Value, StringComparer.Ordinal);
    }
}
