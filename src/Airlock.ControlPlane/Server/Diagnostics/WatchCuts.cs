namespace Airlock.ControlPlane.Server.Diagnostics;

/// <summary>
/// The watches the server cut on purpose (<see cref="TestKnobs.WatchDropInterval"/>), so that their resumption can be
/// answered with 410 Gone (<see cref="TestKnobs.WatchResumeGone"/>). A resumption is a watch by the same user on the same
/// resource, namespace and selectors that starts at a resourceVersion the cut stream had covered (its start up to the
/// last event or bookmark it sent). Each cut answers one resumption; a cut nobody resumes is forgotten after a while.
/// </summary>
public sealed class WatchCuts(TimeProvider time)
{
    /// <summary>How long a cut waits for its resumption.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>At most this many cuts are remembered (the oldest go first).</summary>
    public const int Capacity = 4096;

    private readonly Lock _gate = new();
    private readonly LinkedList<Cut> _cuts = new();

    /// <summary>Cuts waiting for their resumption.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _cuts.Count;
        }
    }

    /// <summary>Remembers that the server ended the stream <paramref name="watch"/>, which covered <paramref name="from"/>..<paramref name="last"/>.</summary>
    public void Record(string watch, long from, long last)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            if (_cuts.Count >= Capacity) _cuts.RemoveFirst();
            _cuts.AddLast(new Cut(watch, Math.Min(from, last), last, now + Lifetime));
        }
    }

    /// <summary>True (once per cut) when a watch <paramref name="watch"/> from <paramref name="from"/> resumes a cut stream.</summary>
    public bool TryConsume(string watch, long from)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            for (var node = _cuts.First; node is not null; node = node.Next)
            {
                var cut = node.Value;
                if (cut.Watch != watch || from < cut.From || from > cut.Last) continue;
                _cuts.Remove(node);
                return true;
            }
            return false;
        }
    }

    public void Clear()
    {
        lock (_gate) _cuts.Clear();
    }

    private void Expire(DateTimeOffset now)
    {
        while (_cuts.First is { } first && first.Value.Expires <= now) _cuts.RemoveFirst();
    }

    private readonly record struct Cut(string Watch, long From, long Last, DateTimeOffset Expires);
}
