using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Cli.Dev;
using k8s;
using k8s.Models;

namespace Airlock.Cli.Commands;

/// <summary>The demo's steps, in order, over one dev environment. Each step either narrates and checks, or fails the run.</summary>
internal sealed partial class DemoRun(string stateDir, TextWriter output) : IAsyncDisposable
{
    private readonly DemoScreen _screen = new(output);
    private DevEnvironment? _dev;
    private IKubernetes? _client;
    private DemoKubectl? _kubectl;
    private DemoWatch? _watch;
    private V1Pod? _pod;
    private string? _podToken;

    private IKubernetes Client => _client!;

    private DemoKubectl Kubectl => _kubectl!;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        (string Title, Func<CancellationToken, Task> Run)[] steps =
        [
            ("Start a local cluster with the Airlock operator", StartAsync),
            ("Apply the sample with kubectl", ApplyAsync),
            ("The AgentTask", ShowTaskAsync),
            ("The sandbox pod", ShowPodAsync),
            ("The NetworkPolicy", ShowNetworkPolicyAsync),
            ("The agent's identity: a TokenReview", ReviewTokenAsync),
            ("The task's life, as it happens", FollowPhasesAsync),
            ("Cleanup after ttlSecondsAfterFinished", FollowCleanupAsync),
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            _screen.Title(i + 1, steps.Length, steps[i].Title);
            try
            {
                await steps[i].Run(cancellationToken);
            }
            catch (Exception e) when (e is DemoStepException or OperationCanceledException or TimeoutException or k8s.Autorest.HttpOperationException or IOException)
            {
                var why = e is OperationCanceledException ? "the demo ran out of time" : e.Message;
                output.WriteLine();
                output.WriteLine($"demo FAILED at step {i + 1} \"{steps[i].Title}\": {why}");
                return 1;
            }
        }
        output.WriteLine();
        output.WriteLine($"demo passed: all {steps.Length} steps behaved as expected.");
        return 0;
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _dev = await DevEnvironment.StartAsync(new DevEnvironmentOptions { StateDir = stateDir }, cancellationToken);
        _client = _dev.ControlPlane.CreateClient("admin");
        _kubectl = new DemoKubectl(_dev.KubeconfigPath, Path.Combine(stateDir, "kubectl-cache"));
        _screen.Line($"API server   {_dev.ControlPlane.ServerUrl} (an in-memory Kubernetes API with a simulated kubelet)");
        _screen.Line($"operator     in-process; metrics at {_dev.Operator.HealthAddress}metrics");
        _screen.Line($"kubeconfig   {_dev.KubeconfigPath}");
        var classes = await Client.NodeV1.ListRuntimeClassAsync(cancellationToken: cancellationToken);
        _screen.Line("RuntimeClass " + string.Join(", ", classes.Items.Select(c => c.Metadata.Name)));
        _screen.Check(classes.Items.Any(c => c.Metadata.Name == "kata-qemu"), "the Kata RuntimeClasses exist");
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var samples = Path.Combine(stateDir, "samples");
        Directory.CreateDirectory(samples);
        await File.WriteAllTextAsync(Path.Combine(samples, "hello-agent.yaml"), DemoSample.Yaml, cancellationToken);
        _watch = new DemoWatch(Client, DemoSample.Namespace);
        await _watch.WaitForSyncAsync(cancellationToken);
        _screen.Line($"$ kubectl apply -f {samples}");
        var applied = await Kubectl.RunCheckedAsync(cancellationToken, "apply", "-f", samples);
        _screen.Block(applied);
        _screen.Check(applied.Contains($"agenttask.{AgentsGroup.Name}/{DemoSample.Task} created", StringComparison.Ordinal), "kubectl created the AgentTask");
        if (DemoSample.FindRepositorySamples() is { } repository)
        {
            _screen.Line($"$ kubectl apply -f {Path.GetRelativePath(Directory.GetCurrentDirectory(), repository)}");
            _screen.Block(await Kubectl.RunCheckedAsync(cancellationToken, "apply", "-f", repository));
            _screen.Line("(the tour follows hello-agent: its ttlSecondsAfterFinished of 3 s lets the cleanup happen on screen)");
        }
    }

    private async Task ShowTaskAsync(CancellationToken cancellationToken)
    {
        _pod = await WaitForAsync(() => PodAsync(cancellationToken), "the operator to create the sandbox pod", cancellationToken);
        _screen.Line("$ kubectl get agenttask -A");
        _screen.Block(await Kubectl.RunCheckedAsync(cancellationToken, "get", "agenttask", "-A"));
        var task = await GetTaskAsync(cancellationToken);
        _screen.Line("the operator added its finalizer and created, all owned by the task:");
        var children = new List<string> { $"ServiceAccount/{_pod.Spec.ServiceAccountName}", $"ConfigMap/{DemoSample.Task}-prompt", $"NetworkPolicy/{DemoSample.Task}-sandbox", $"Pod/{_pod.Metadata.Name}" };
        foreach (var child in children) _screen.Line("  " + child);
        _screen.Check(task.Metadata.Finalizers?.Contains("agents.airlock.dev/cleanup") == true, "the task carries the finalizer agents.airlock.dev/cleanup");
        _screen.Check(_pod.Metadata.OwnerReferences?.Any(r => r.Uid == task.Metadata.Uid && r.Controller == true) == true, "the pod is controlled by the task");
    }

    private async Task<V1Pod?> PodAsync(CancellationToken cancellationToken)
    {
        var pods = await Client.CoreV1.ListNamespacedPodAsync(DemoSample.Namespace, labelSelector: $"{AirlockLabels.Task}={DemoSample.Task}", cancellationToken: cancellationToken);
        return pods.Items.FirstOrDefault();
    }

    private Task<AgentTask> GetTaskAsync(CancellationToken cancellationToken) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<AgentTask>(AgentTask.KubeGroup, AgentsGroup.Version, DemoSample.Namespace, AgentTask.KubePlural, DemoSample.Task, cancellationToken);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value) return value;
            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DemoStepException($"timed out waiting for {what}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_watch is not null) await _watch.DisposeAsync();
        _client?.Dispose();
        if (_dev is not null) await _dev.DisposeAsync();
    }
}
