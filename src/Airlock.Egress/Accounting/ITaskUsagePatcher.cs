namespace Airlock.Egress.Accounting;

/// <summary>Writes a task's egress counters to <c>status.usage</c>.</summary>
public interface ITaskUsagePatcher
{
    Task PatchAsync(string @namespace, string name, long egressAllowed, long egressDenied, CancellationToken cancellationToken);
}
