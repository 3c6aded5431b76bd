using System.Threading.Channels;
using Airlock.Api.Tasks;
using Airlock.Operator.Hosting;
using Airlock.Runtime.Informers;
using k8s;
using k8s.Models;

namespace Airlock.Cli.Commands;

/// <summary>Watches the demo namespace (tasks and sandbox pods) and queues every phase change as a line to narrate.</summary>
internal sealed class DemoWatch : IAsyncDisposable
{
    private readonly SharedInformerFactory _informers;
    private readonly Channel<(DateTime At, string Line, string? TaskPhase)> _changes = Channel.CreateUnbounded<(DateTime, string, string?)>();
    private readonly Dictionary<string, string> _last = [];
    private readonly Lock _gate = new();

    public DemoWatch(IKubernetes client, string @namespace)
    {
        _informers = new SharedInformerFactory(new KubernetesListWatchProvider(client));
        _informers.GetInformer<AgentTask>(new InformerScope(@namespace)).AddEventHandler(new ResourceEventHandler<AgentTask>
        {
            Added = (t, _) => OnTask(t),
            Updated = (_, t) => OnTask(t),
        });
        _informers.GetInformer<V1Pod>(new InformerScope(@namespace, OperatorHost.ChildSelector)).AddEventHandler(new ResourceEventHandler<V1Pod>
        {
            Added = (p, _) => OnPod(p),
            Updated = (_, p) => OnPod(p),
            Deleted = (p, _) => Record("pod/" + p.Metadata.Name, "deleted", $"pod {p.Metadata.Name}: deleted", null),
        });
        _informers.Start();
    }

    public ChannelReader<(DateTime At, string Line, string? TaskPhase)> Changes => _changes.Reader;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _informers.WaitForCacheSyncAsync(cancellationToken);

    private void OnTask(AgentTask task)
    {
        var phase = task.Status?.Phase;
        if (phase is null) return;
        Record("task/" + task.Metadata.Name, phase, $"agenttask {task.Metadata.Name}: {phase,-10} {task.Status?.Reason} — {task.Status?.Message}", phase);
    }

    private void OnPod(V1Pod pod)
    {
        var phase = pod.Status?.Phase ?? "Pending";
        var detail = pod.Status?.Reason is { } reason ? $" ({reason})" : pod.Spec.NodeName is { } node && phase == "Pending" ? $" (scheduled to {node})" : "";
        Record("pod/" + pod.Metadata.Name, phase + detail, $"pod {pod.Metadata.Name}: {phase}{detail}", null);
    }

    private void Record(string key, string state, string line, string? taskPhase)
    {
        lock (_gate)
        {
            if (_last.TryGetValue(key, out var last) && last == state) return;
            _last[key] = state;
        }
        _changes.Writer.TryWrite((DateTime.UtcNow, line, taskPhase));
    }

    public async ValueTask DisposeAsync() => await _informers.DisposeAsync();
}
