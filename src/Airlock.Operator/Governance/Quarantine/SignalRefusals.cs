using System.Collections.Concurrent;
using Airlock.Runtime.Events;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>
/// Counts the anomaly Events refused for their seal (<see cref="QuarantineMetrics"/>) and says which deserve a log line:
/// the first per namespace and reason, so a flood of forged Events costs one line each, not one per Event. Thread-safe.
/// </summary>
public sealed class SignalRefusals(QuarantineMetrics metrics)
{
    // A handful of reasons times the namespaces of the cluster; capped anyway, past which refusals are only counted.
    private const int MaxLogged = 10_000;
    private readonly ConcurrentDictionary<(string Namespace, string Reason), byte> _logged = new();

    /// <summary>Counts one refusal; true when it is the first of its namespace and reason (log it).</summary>
    public bool Count(string @namespace, string reason, SignalSealProblem problem)
    {
        metrics.Refused(@namespace, reason, problem);
        return _logged.Count < MaxLogged && _logged.TryAdd((@namespace, reason), 0);
    }
}
