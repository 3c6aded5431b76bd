using Airlock.Api;
using Airlock.Api.Tasks;
using k8s;

namespace Airlock.Cli.Commands;

internal sealed partial class DemoRun
{
    private async Task FollowPhasesAsync(CancellationToken cancellationToken)
    {
        _screen.Line("watching the task and its pod (the sample sets SIM_EXIT_AFTER=4s: the simulated agent exits 0 after 4 s)");
        var seen = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(40));
        try
        {
            while (!seen.Contains(AgentTaskPhase.Succeeded))
            {
                var (at, line, phase) = await _watch!.Changes.ReadAsync(deadline.Token);
                _screen.Event(at, line);
                if (phase is not null) seen.Add(phase);
                if (phase is AgentTaskPhase.Failed or AgentTaskPhase.TimedOut) break;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DemoStepException($"the task did not succeed within 40 s (phases seen: {string.Join(" → ", seen)})");
        }
        _screen.Check(seen.Contains(AgentTaskPhase.Running), "the task ran", string.Join(" → ", seen));
        _screen.Check(seen.LastOrDefault() == AgentTaskPhase.Succeeded, "the task succeeded", string.Join(" → ", seen));
        var task = await GetTaskAsync(cancellationToken);
        _screen.Line($"startTime {task.Status?.StartTime:HH:mm:ss}  completionTime {task.Status?.CompletionTime:HH:mm:ss}  reason {task.Status?.Reason}");
    }

    private async Task FollowCleanupAsync(CancellationToken cancellationToken)
    {
        _screen.Line($"ttlSecondsAfterFinished: {DemoSample.TtlSeconds} — then the operator deletes the sandbox and keeps the task as the record");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            while (await ChildCountAsync(cancellationToken) > 0)
            {
                while (_watch!.Changes.TryRead(out var change)) _screen.Event(change.At, change.Line);
                await Task.Delay(100, deadline.Token);
            }
            while (_watch!.Changes.TryRead(out var change)) _screen.Event(change.At, change.Line);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DemoStepException($"the sandbox was still there 30 s after the task ended ({await ChildCountAsync(cancellationToken)} objects)");
        }
        _screen.Check(true, "pod, ServiceAccount, ConfigMap and NetworkPolicy are gone");
        _screen.Line($"$ kubectl get agenttask -n {DemoSample.Namespace}");
        _screen.Block(await Kubectl.RunCheckedAsync(cancellationToken, "get", "agenttask", "-n", DemoSample.Namespace));
        var task = await GetTaskAsync(cancellationToken);
        _screen.Check(task.Status?.Phase == AgentTaskPhase.Succeeded, "the AgentTask stays, still Succeeded", task.Status?.Phase);
        var review = await ReviewAsync(_podToken!, SandboxContract.TokenAudience, cancellationToken);
        _screen.Line($"the pod's token after the pod is gone: authenticated={review.Authenticated} ({review.Error})");
        _screen.Check(review.Authenticated != true, "a deleted pod's token stops working at once");
    }

    private async Task<int> ChildCountAsync(CancellationToken cancellationToken)
    {
        var selector = $"{AirlockLabels.Task}={DemoSample.Task}";
        var ns = DemoSample.Namespace;
        return (await Client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: cancellationToken)).Items.Count
            + (await Client.CoreV1.ListNamespacedServiceAccountAsync(ns, labelSelector: selector, cancellationToken: cancellationToken)).Items.Count
            + (await Client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: selector, cancellationToken: cancellationToken)).Items.Count
            + (await Client.NetworkingV1.ListNamespacedNetworkPolicyAsync(ns, labelSelector: selector, cancellationToken: cancellationToken)).Items.Count;
    }
}
