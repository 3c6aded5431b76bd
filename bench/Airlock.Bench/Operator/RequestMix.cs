using System.Globalization;
using Airlock.ControlPlane.Server.Diagnostics;

namespace Airlock.Bench.Operator;

/// <summary>One user's requests per verb and resource, as the control plane counted them: where a request-per-task figure comes from.</summary>
public sealed class RequestMix
{
    private readonly Dictionary<(string Verb, string Resource), long> _counts;

    private RequestMix(Dictionary<(string Verb, string Resource), long> counts) => _counts = counts;

    public IReadOnlyDictionary<(string Verb, string Resource), long> Counts => _counts;

    public static RequestMix Of(RequestCounters counters, string user)
    {
        var counts = new Dictionary<(string, string), long>();
        foreach (var (key, count) in counters.Snapshot())
        {
            if (key.User != user) continue;
            counts[(key.Verb, key.Resource)] = counts.GetValueOrDefault((key.Verb, key.Resource)) + count;
        }
        return new RequestMix(counts);
    }

    /// <summary>The requests made between <paramref name="before"/> and this snapshot (combinations that did not change are left out).</summary>
    public RequestMix Since(RequestMix before)
    {
        var counts = new Dictionary<(string, string), long>();
        foreach (var (key, count) in _counts)
        {
            var delta = count - before._counts.GetValueOrDefault(key);
            if (delta != 0) counts[key] = delta;
        }
        return new RequestMix(counts);
    }

    /// <summary>"verb resource n.nn" per combination, per task, most frequent first.</summary>
    public string PerTask(int tasks) => string.Join(", ", _counts
        .OrderByDescending(kv => kv.Value)
        .ThenBy(kv => kv.Key.Resource, StringComparer.Ordinal)
        .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key.Verb} {kv.Key.Resource} {(double)kv.Value / tasks:0.00}")));
}
