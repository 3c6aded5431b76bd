using System.Threading.Channels;
using Airlock.Api.Tasks;
using Airlock.Bench.Hosting;
using Airlock.Operator.Policies;
using Airlock.Operator.Reconciliation;
using Airlock.Operator.Sandbox;
using k8s;

namespace Airlock.Bench.Operator;

/// <summary>
/// The write limit: the children the operator would create for each task (same builders, same writer and field
/// manager), created directly by <see cref="RawChildWriter"/>'s workers as soon as the task exists, with no reading,
/// diffing, finalizer or status. What is left is how fast the control plane takes the objects.
/// </summary>
public sealed class RawChildWriter
{
    private readonly KubernetesSandboxWriter _writer;
    private readonly SandboxSettings _settings = SandboxSettings.Default with { SystemNamespace = BenchCluster.SystemNamespace };
    private readonly Channel<AgentTask> _created = Channel.CreateUnbounded<AgentTask>();

    public RawChildWriter(IKubernetes client) => _writer = new KubernetesSandboxWriter(client);

    /// <summary>Hands over a task that now exists (from the load generator).</summary>
    public ValueTask EnqueueAsync(AgentTask task) => _created.Writer.WriteAsync(task);

    /// <summary>No more tasks will come.</summary>
    public void Complete() => _created.Writer.Complete();

    public Task RunAsync(int workers, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var task in _created.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var child in AgentTaskSandbox.Build(task, BuiltinPolicy.Effective, _settings).All)
                    await _writer.CreateAsync(child, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken)));
}
