namespace Airlock.Runtime.Informers;

/// <summary>Exponential backoff with jitter: each delay is random in [d/2, d], d doubling up to the cap.</summary>
internal sealed class Backoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private TimeSpan _current;

    public Backoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
        _current = initial;
    }

    public TimeSpan Next()
    {
        var ceiling = _current;
        _current = TimeSpan.FromTicks(Math.Min(_max.Ticks, _current.Ticks * 2));
        return TimeSpan.FromTicks((long)(ceiling.Ticks * (0.5 + (Random.Shared.NextDouble() / 2))));
    }

    public void Reset() => _current = _initial;
}
