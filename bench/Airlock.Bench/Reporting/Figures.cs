using System.Globalization;

namespace Airlock.Bench.Reporting;

/// <summary>The figures of a run, in the order they were measured, printed as one <c>key=value</c> line each.</summary>
public sealed class Figures
{
    private readonly List<KeyValuePair<string, string>> _values = [];
    private readonly Lock _lock = new();

    public void Add(string key, double value, int decimals = 2) =>
        Add(key, double.IsFinite(value) ? Math.Round(value, decimals).ToString("0.##########", CultureInfo.InvariantCulture) : "nan");

    public void Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public void Add(string key, string value)
    {
        lock (_lock)
        {
            _values.RemoveAll(kv => kv.Key == key);
            _values.Add(new(key, value));
        }
    }

    public string? Get(string key)
    {
        lock (_lock) return _values.FirstOrDefault(kv => kv.Key == key).Value;
    }

    public IReadOnlyList<KeyValuePair<string, string>> All
    {
        get
        {
            lock (_lock) return [.. _values];
        }
    }

    public void WriteTo(TextWriter writer)
    {
        foreach (var (key, value) in All) writer.WriteLine($"{key}={value}");
    }
}
