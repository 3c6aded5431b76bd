using Airlock.Egress.Identity;
using Microsoft.Extensions.Logging;

namespace Airlock.Egress.Accounting;

/// <summary>
/// Collects allowed/denied counts per task and writes them to <c>status.usage</c> at most once per interval per task
/// (one merge patch carrying both totals). Totals start from what the task's status already says, so a restarted proxy
/// keeps counting from there.
/// </summary>
public sealed partial class UsageBatcher(ITaskUsagePatcher patcher, ICallerDirectory directory, TimeSpan interval, ILogger logger)
{
    private readonly Dictionary<(string Namespace, string Name), Counts> _pending = [];
    private readonly Dictionary<(string Namespace, string Name), Counts> _written = [];
    private readonly Lock _lock = new();

    public void Record(string @namespace, string name, bool denied)
    {
        if (name.Length == 0) return;
        lock (_lock)
        {
            var key = (@namespace, name);
            var counts = _pending.GetValueOrDefault(key);
            _pending[key] = denied ? counts with { Denied = counts.Denied + 1 } : counts with { Allowed = counts.Allowed + 1 };
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false)) await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: a last flush with a short grace so counts are not lost.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await FlushAsync(grace.Token).ConfigureAwait(false);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<KeyValuePair<(string Namespace, string Name), Counts>> batch;
        lock (_lock)
        {
            batch = [.. _pending];
            _pending.Clear();
        }
        foreach (var ((ns, name), delta) in batch)
        {
            Counts total;
            lock (_lock)
            {
                var status = directory.FindTask(ns, name)?.Status?.Usage;
                var known = _written.GetValueOrDefault((ns, name));
                var baseline = new Counts(Math.Max(known.Allowed, status?.EgressAllowed ?? 0), Math.Max(known.Denied, status?.EgressDenied ?? 0));
                total = new Counts(baseline.Allowed + delta.Allowed, baseline.Denied + delta.Denied);
            }
            try
            {
                await patcher.PatchAsync(ns, name, total.Allowed, total.Denied, cancellationToken).ConfigureAwait(false);
                lock (_lock) _written[(ns, name)] = total;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogPatchFailed(logger, ns, name, e);
                // Put the delta back for the next round (the task may be gone: then it is dropped with the directory's answer).
                if (directory.FindTask(ns, name) is not null)
                {
                    lock (_lock)
                    {
                        var again = _pending.GetValueOrDefault((ns, name));
                        _pending[(ns, name)] = new Counts(again.Allowed + delta.Allowed, again.Denied + delta.Denied);
                    }
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write egress usage of {Namespace}/{Name}")]
    private static partial void LogPatchFailed(ILogger logger, string @namespace, string name, Exception exception);

    private readonly record struct Counts(long Allowed, long Denied);
}
