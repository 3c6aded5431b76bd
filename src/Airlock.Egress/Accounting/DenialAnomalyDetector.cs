namespace Airlock.Egress.Accounting;

/// <summary>
/// Counts a task's denials in a fixed window and signals once when they reach the threshold; the count starts again
/// when the window has passed. Thread-safe.
/// </summary>
public sealed class DenialAnomalyDetector(int threshold, TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Threshold { get; } = threshold;

    public TimeSpan Window { get; } = window;

    /// <summary>Counts one denial of <paramref name="taskKey"/>; true exactly when this denial reaches the threshold.</summary>
    public bool RecordDenial(string taskKey)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_windows.TryGetValue(taskKey, out var state) || now - state.Start >= Window) state = (now, 0);
            state.Count++;
            _windows[taskKey] = state;
            if (_windows.Count > 10_000) Prune(now);
            return state.Count == Threshold;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _windows.Where(w => now - w.Value.Start >= Window).Select(w => w.Key).ToList()) _windows.Remove(key);
    }
}
