namespace Airlock.Gateway.Providers;

/// <summary>
/// A provider key read from a file and re-read when the file changes (a Kubernetes Secret volume swaps a symlink on
/// rotation), checked at most once per <see cref="CheckInterval"/> so the hot path does not stat the file on every call.
/// </summary>
public sealed class ProviderKey(string? path, TimeProvider time)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private string? _key;
    private (DateTime Modified, long Length) _stamp;
    private long _nextCheckTicks;

    /// <summary>The current key, or null when there is no key file or it cannot be read (callers refuse: fail closed).</summary>
    public string? Current
    {
        get
        {
            if (path is null) return null;
            var now = time.GetTimestamp();
            if (now < Volatile.Read(ref _nextCheckTicks)) return _key;
            lock (_lock)
            {
                if (now < _nextCheckTicks) return _key;
                Reload();
                _nextCheckTicks = now + (long)(CheckInterval.TotalSeconds * time.TimestampFrequency);
                return _key;
            }
        }
    }

    private void Reload()
    {
        try
        {
            var info = new FileInfo(path!);
            if (!info.Exists)
            {
                _key = null;
                return;
            }
            var stamp = (info.LastWriteTimeUtc, info.Length);
            if (_key is not null && stamp == _stamp) return;
            var text = File.ReadAllText(path!).Trim();
            _key = text.Length == 0 ? null : text;
            _stamp = stamp;
        }
        catch (IOException)
        {
            _key = null;
        }
        catch (UnauthorizedAccessException)
        {
            _key = null;
        }
    }
}
