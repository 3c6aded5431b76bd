using System.Globalization;
using Airlock.Api.Tasks;
using Airlock.Operator.Hosting;
using Airlock.Runtime.Metrics;
using Airlock.Testing;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>The operator's API traffic per task, counted by the local control plane per user (local-only).</summary>
[TestFixture]
public sealed class RequestCountTests
{
    private static readonly string Operator = ClusterPrerequisites.OperatorUser();

    [Test]
    public async Task Task_reaches_running_with_at_most_eight_requests_besides_events()
    {
        await using var env = await PrivateOperator.StartAsync();
        var local = env.Cluster.RequireLocal();
        var host = await env.AddOperatorAsync();
        await using var ns = await env.Cluster.CreateNamespaceAsync("count");
        await Eventually.UntilAsync(() => host.IsReady, "operator caches to sync");
        var before = PrivateOperator.Requests(local.Counters, Operator, events: false);

        (await env.Cluster.Kubectl.RunAsync(["apply", "-n", ns.Name, "-f", "-"], TaskYaml.For("counted"))).EnsureSuccess();
        await new TaskProbe(env.Cluster.Client, ns.Name).WaitForPhaseAsync("counted", AgentTaskPhase.Running);

        var used = PrivateOperator.Requests(local.Counters, Operator, events: false) - before;
        TestContext.Out.WriteLine($"operator requests from create to Running: {used} (+ {PrivateOperator.Requests(local.Counters, Operator, events: true)} events)");
        used.Should().BeGreaterThanOrEqualTo(5, "the sandbox takes four creates and a finalizer patch, so fewer means the count missed the operator");
        used.Should().BeLessThanOrEqualTo(8, "create to Running needs a finalizer patch, four creates and two status patches (Pending, then Running); counted: {0}",
            string.Join(", ", local.Counters.Snapshot().Where(kv => kv.Key.User == Operator && kv.Key.Verb is not ("list" or "watch")).Select(kv => $"{kv.Key.Verb} {kv.Key.Resource}={kv.Value}")));
    }

    [Test]
    public async Task Running_task_in_steady_state_causes_zero_writes()
    {
        await using var env = await PrivateOperator.StartAsync();
        var local = env.Cluster.RequireLocal();
        var host = await env.AddOperatorAsync();
        await using var ns = await env.Cluster.CreateNamespaceAsync("steady");
        var probe = new TaskProbe(env.Cluster.Client, ns.Name);
        (await env.Cluster.Kubectl.RunAsync(["apply", "-n", ns.Name, "-f", "-"], TaskYaml.For("steady"))).EnsureSuccess();
        await probe.WaitForPhaseAsync("steady", AgentTaskPhase.Running);
        await Eventually.UntilAsync(() => host.Recent.Count == 0, "the operator's caches to catch up with its own writes");
        var before = PrivateOperator.Requests(local.Counters, Operator, events: false);
        var reconciles = await ReconcileCountAsync(host);

        // Touch the task and a child without changing what matters: each wakes the reconciler, none needs a write.
        (await env.Cluster.Kubectl.RunAsync("label", "agenttask", "steady", "-n", ns.Name, "touched=1")).EnsureSuccess();
        (await env.Cluster.Kubectl.RunAsync("annotate", "configmap", "steady-prompt", "-n", ns.Name, "touched=1")).EnsureSuccess();
        (await env.Cluster.Kubectl.RunAsync("label", "agenttask", "steady", "-n", ns.Name, "touched=2", "--overwrite")).EnsureSuccess();
        await Eventually.UntilAsync(async () => await ReconcileCountAsync(host) >= reconciles + 3, "the reconciler to run on the touches");

        PrivateOperator.Requests(local.Counters, Operator, events: false).Should().Be(before);
    }

    private static async Task<long> ReconcileCountAsync(OperatorHost host)
    {
        var text = await RuntimeMetrics.ExportTextAsync(host.Registry);
        return text.Split('\n')
            .Where(l => l.StartsWith("controller_runtime_reconcile_total{", StringComparison.Ordinal))
            .Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
