using System.Threading.Channels;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>
/// A work queue of keys with client-go semantics: a key is queued at most once, and never handed to two workers at
/// once; a key added while it is being processed is queued again when <see cref="Done"/> is called.
/// </summary>
public sealed class KeyedWorkQueue
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly HashSet<string> _processing = new(StringComparer.Ordinal);
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>();

    public void Add(string key)
    {
        lock (_lock)
        {
            if (!_queued.Add(key)) return;
            if (_processing.Contains(key)) return;
        }
        _ready.Writer.TryWrite(key);
    }

    /// <summary>Waits for the next key; the caller must call <see cref="Done"/> with it when finished.</summary>
    public async ValueTask<string> TakeAsync(CancellationToken cancellationToken)
    {
        var key = await _ready.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _queued.Remove(key);
            _processing.Add(key);
        }
        return key;
    }

    public void Done(string key)
    {
        bool again;
        lock (_lock)
        {
            _processing.Remove(key);
            again = _queued.Contains(key);
        }
        if (again) _ready.Writer.TryWrite(key);
    }
}
