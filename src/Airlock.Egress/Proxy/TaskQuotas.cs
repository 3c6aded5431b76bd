using System.Collections.Concurrent;

namespace Airlock.Egress.Proxy;

/// <summary>The quota of every task that has used the proxy, by namespace/name.</summary>
public sealed class TaskQuotas(ProxyLimits limits)
{
    private readonly ConcurrentDictionary<string, TaskQuota> _quotas = new(StringComparer.Ordinal);

    public TaskQuota For(string taskKey) =>
        _quotas.GetOrAdd(taskKey, _ => new TaskQuota(limits.MaxConnectionsPerTask, limits.MaxBytesPerTask));
}
