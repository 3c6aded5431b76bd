using System.Collections.Concurrent;
using System.Diagnostics;
using Airlock.Api.Tasks;
using k8s;

namespace Airlock.Bench.Operator;

/// <summary>The load generator's side: creates tasks as fast as a concurrency allows, or at a steady arrival rate.</summary>
public sealed class TaskLoad(IKubernetes client)
{
    /// <summary>When each task's create request was sent (<see cref="Stopwatch"/> timestamp).</summary>
    public ConcurrentDictionary<string, long> SentAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Creates requests that failed (a benchmark run reports them; chaos retries them).</summary>
    public ConcurrentBag<string> Failures { get; } = [];

    /// <summary>Creates every task with at most <paramref name="concurrency"/> requests in flight; calls <paramref name="created"/> with each stored task.</summary>
    public Task BurstAsync(IReadOnlyList<AgentTask> tasks, int concurrency, Func<AgentTask, ValueTask>? created = null, CancellationToken cancellationToken = default) =>
        Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (task, ct) =>
        {
            var stored = await CreateOneAsync(task, ct).ConfigureAwait(false);
            if (stored is not null && created is not null) await created(stored).ConfigureAwait(false);
        });

    /// <summary>Sends one create every 1/<paramref name="perSecond"/> seconds, without waiting for earlier ones (an open-loop arrival rate).</summary>
    public async Task SteadyAsync(IReadOnlyList<AgentTask> tasks, double perSecond, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(tasks.Count);
        for (var i = 0; i < tasks.Count; i++)
        {
            var due = start + (long)(i / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            var task = tasks[i];
            inFlight.Add(Task.Run(() => CreateOneAsync(task, cancellationToken), cancellationToken));
        }
        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task<AgentTask?> CreateOneAsync(AgentTask task, CancellationToken cancellationToken)
    {
        SentAt[task.Metadata.Name] = Stopwatch.GetTimestamp();
        try
        {
            return await BenchTasks.CreateAsync(client, task, cancellationToken).ConfigureAwait(false);
        }
        catch (k8s.Autorest.HttpOperationException)
        {
            Failures.Add(task.Metadata.Name);
            return null;
        }
    }
}
