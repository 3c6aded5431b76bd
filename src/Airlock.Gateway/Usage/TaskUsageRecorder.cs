using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Gateway.Usage;

/// <summary>
/// Batches model usage into each task's <c>status.usage</c>: calls only add to an in-memory delta; every
/// <see cref="FlushInterval"/> one merge patch per task (on the status subresource, guarded by resourceVersion so concurrent
/// gateway replicas and the operator never lose each other's counts) adds the delta to what the status shows. A failed write
/// keeps its delta for the next round.
/// </summary>
public sealed partial class TaskUsageRecorder(IKubernetes client, TimeSpan flushInterval, ILogger? logger = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Namespace, string Name), UsageDelta> _pending = new();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public TimeSpan FlushInterval { get; } = flushInterval;

    public void Record(string @namespace, string task, long promptTokens, long completionTokens) =>
        _pending.GetOrAdd((@namespace, task), _ => new UsageDelta()).Add(1, promptTokens, completionTokens);

    public void Start() => _loop ??= Task.Run(LoopAsync);

    /// <summary>Writes every pending delta now.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, delta) in _pending)
        {
            if (delta.IsEmpty) continue;
            var taken = delta.Take();
            try
            {
                await WriteAsync(key.Namespace, key.Name, taken, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                _pending.TryRemove(key, out _);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                delta.Add(taken.Requests, taken.PromptTokens, taken.CompletionTokens);
                Log.FlushFailed(_logger, key.Namespace, key.Name, e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await FlushAsync(last.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false)) await FlushAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping; DisposeAsync flushes once more.
        }
    }

    private async Task WriteAsync(string @namespace, string name, (long Requests, long PromptTokens, long CompletionTokens) delta, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await client.CustomObjects.GetNamespacedCustomObjectAsync<AgentTask>(
                AgentTask.KubeGroup, AgentsGroupVersion, @namespace, AgentTask.KubePlural, name, cancellationToken).ConfigureAwait(false);
            var usage = current.Status?.Usage ?? new TaskUsage();
            var body = new JsonObject
            {
                ["metadata"] = new JsonObject { ["resourceVersion"] = current.Metadata.ResourceVersion },
                ["status"] = new JsonObject
                {
                    ["usage"] = new JsonObject
                    {
                        ["modelRequests"] = usage.ModelRequests + delta.Requests,
                        ["promptTokens"] = usage.PromptTokens + delta.PromptTokens,
                        ["completionTokens"] = usage.CompletionTokens + delta.CompletionTokens,
                    },
                },
            }.ToJsonString();
            try
            {
                await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
                    new V1Patch(body, V1Patch.PatchType.MergePatch), AgentTask.KubeGroup, AgentsGroupVersion, @namespace, AgentTask.KubePlural, name,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 5)
            {
                // Someone else wrote the status in between: read again and re-add.
            }
        }
    }

    private const string AgentsGroupVersion = Airlock.Api.AgentsGroup.Version;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "writing model usage of {Namespace}/{Name} failed; retrying on the next flush")]
        public static partial void FlushFailed(ILogger logger, string @namespace, string name, Exception exception);
    }
}
