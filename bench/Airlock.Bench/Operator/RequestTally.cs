using Airlock.ControlPlane.Server.Diagnostics;

namespace Airlock.Bench.Operator;

/// <summary>One user's requests as the control plane counted them, split the way the figures need.</summary>
public readonly record struct RequestTally(long All, long ListWatch, long Events, long Writes)
{
    private static readonly HashSet<string> WriteVerbs = new(StringComparer.Ordinal) { "create", "update", "patch", "delete", "deletecollection" };

    /// <summary>Requests on single objects that are not Events: what the reconciler itself sends (informers' lists and watches amortise over every task).</summary>
    public long Reconciler => All - ListWatch - Events;

    public static RequestTally Of(RequestCounters counters, string user)
    {
        long all = 0, listWatch = 0, events = 0, writes = 0;
        foreach (var (key, count) in counters.Snapshot())
        {
            if (key.User != user) continue;
            all += count;
            if (key.Verb is "list" or "watch") listWatch += count;
            else if (key.Resource.StartsWith("events", StringComparison.Ordinal)) events += count;
            if (WriteVerbs.Contains(key.Verb)) writes += count;
        }
        return new RequestTally(all, listWatch, events, writes);
    }

    public static RequestTally operator -(RequestTally a, RequestTally b) =>
        new(a.All - b.All, a.ListWatch - b.ListWatch, a.Events - b.Events, a.Writes - b.Writes);

    public RequestTally Subtract(RequestTally other) => this - other;
}
