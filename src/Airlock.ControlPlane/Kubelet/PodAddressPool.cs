using System.Net;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>
/// Hands out distinct loopback pod IPs: 127.1.0.1, 127.1.0.2, … up to 127.254.255.254, never a .0 or .255 last octet
/// (and so never the node's own 127.0.0.1). A released address is reused (lowest first) before a fresh one is taken. Thread-safe.
/// </summary>
public sealed class PodAddressPool
{
    private const uint First = (127u << 24) | (1u << 16) | 1u;
    private const uint Last = (127u << 24) | (254u << 16) | (255u << 8) | 254u;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, uint> _byOwner = new(StringComparer.Ordinal);
    private readonly HashSet<uint> _used = [];
    private readonly SortedSet<uint> _released = [];
    private uint _next = First;

    /// <summary>How many addresses are held.</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _used.Count;
        }
    }

    /// <summary>
    /// The address held by <paramref name="owner"/> (a pod UID), allocating one if it holds none. When the pod already
    /// carries an address from this pool that nobody else holds (a restarted kubelet), that one is kept.
    /// </summary>
    public string Acquire(string owner, string? current = null)
    {
        lock (_lock)
        {
            if (_byOwner.TryGetValue(owner, out var held)) return Format(held);
            if (TryParseInRange(current, out var wanted) && !_used.Contains(wanted))
            {
                _released.Remove(wanted);
                Hold(owner, wanted);
                return Format(wanted);
            }
            if (_released.Count > 0)
            {
                var lowest = _released.Min;
                _released.Remove(lowest);
                Hold(owner, lowest);
                return Format(lowest);
            }
            for (; _next <= Last; _next++)
            {
                if (!IsUsable(_next) || _used.Contains(_next)) continue;
                var fresh = _next++;
                Hold(owner, fresh);
                return Format(fresh);
            }
            throw new InvalidOperationException("the simulated pod address range 127.1.0.1-127.254.255.254 is exhausted");
        }
    }

    /// <summary>The address <paramref name="owner"/> holds, or null.</summary>
    public string? AddressOf(string owner)
    {
        lock (_lock) return _byOwner.TryGetValue(owner, out var held) ? Format(held) : null;
    }

    /// <summary>Frees the address held by <paramref name="owner"/> (no-op when it holds none).</summary>
    public void Release(string owner)
    {
        lock (_lock)
        {
            if (!_byOwner.Remove(owner, out var held)) return;
            _used.Remove(held);
            if (held < _next) _released.Add(held);
        }
    }

    /// <summary>True for an address this pool may hand out.</summary>
    public static bool IsPoolAddress(string? address) => TryParseInRange(address, out _);

    private void Hold(string owner, uint address)
    {
        _byOwner[owner] = address;
        _used.Add(address);
    }

    private static bool IsUsable(uint address) => (address & 0xFF) is not (0 or 255) && address is >= First and <= Last;

    private static bool TryParseInRange(string? text, out uint address)
    {
        address = 0;
        if (text is null || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) return false;
        var bytes = ip.GetAddressBytes();
        address = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        return IsUsable(address);
    }

    private static string Format(uint address) =>
        $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}";
}
