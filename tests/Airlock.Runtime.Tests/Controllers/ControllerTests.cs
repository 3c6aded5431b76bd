using Airlock.Runtime.Controllers;
using Airlock.Runtime.Informers;
using Airlock.Runtime.Metrics;
using Airlock.Runtime.Queue;
using k8s;
using k8s.Models;
using Prometheus;

namespace Airlock.Runtime.Tests.Controllers;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ControllerTests : IAsyncDisposable
{
    private static readonly ObjectKey TaskKey = new("default", "task");
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeListWatchProvider _sources = new();
    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly SharedInformerFactory _factory;

    public ControllerTests()
    {
        _factory = new SharedInformerFactory(_sources, new InformerOptions { ResyncPeriod = TimeSpan.Zero });
        _sources.Source<V1ConfigMap>().SetList("1", Objects.ConfigMap("task", "1"));
        _sources.Source<V1Pod>().SetList("1");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _factory.DisposeAsync();
        _stop.Dispose();
    }

    private Controller<V1ConfigMap> Start(IReconciler<V1ConfigMap> reconciler, ControllerOptions? options = null)
    {
        var controller = ControllerBuilder.Create("test", _factory)
            .For<V1ConfigMap>()
            .Owns<V1Pod>()
            .WithOptions(options ?? new ControllerOptions())
            .WithMetrics(_registry)
            .Build(reconciler);
        _factory.Start(_stop.Token);
        _ = controller.RunAsync(_stop.Token);
        return controller;
    }

    [Test]
    public async Task Every_cached_primary_object_is_reconciled_at_start()
    {
        var reconciler = new ScriptedReconciler<V1ConfigMap>();

        Start(reconciler);

        await Eventually.TrueAsync(() => reconciler.Seen.Contains(TaskKey), "the task is reconciled");
    }

    [Test]
    public async Task A_change_to_an_owned_object_enqueues_its_controller_owner()
    {
        var reconciler = new ScriptedReconciler<V1ConfigMap>();
        Start(reconciler);
        await Eventually.TrueAsync(() => reconciler.Seen.Count == 1, "the initial reconcile");
        var owner = Objects.ConfigMap("task", "1");

        _sources.Source<V1Pod>().Send(WatchEventType.Added, Objects.Pod("task-agent", "2", Objects.ControllerRef(owner)));

        await Eventually.TrueAsync(() => reconciler.Seen.Count == 2, "the owner is reconciled again");
        reconciler.Seen[1].Should().Be(TaskKey);
    }

    [Test]
    public async Task An_echo_of_the_controllers_own_write_enqueues_nothing()
    {
        var reconciler = new ScriptedReconciler<V1ConfigMap>();
        Start(reconciler, new ControllerOptions { MaxConcurrentReconciles = 1, IgnoreEcho = o => o.Metadata.ResourceVersion == "2" });
        await Eventually.TrueAsync(() => reconciler.Seen.Count == 1, "the initial reconcile");
        var owner = Objects.ConfigMap("task", "1");

        _sources.Source<V1Pod>().Send(WatchEventType.Added, Objects.Pod("task-agent", "2", Objects.ControllerRef(owner)));
        _sources.Source<V1ConfigMap>().Send(WatchEventType.Added, Objects.ConfigMap("other", "3"));

        await Eventually.TrueAsync(() => reconciler.Seen.Contains(new ObjectKey("default", "other")), "the later change is reconciled");
        reconciler.Seen.Should().Equal(TaskKey, new ObjectKey("default", "other"));
    }

    [Test]
    public void An_owner_reference_that_is_not_the_controller_is_ignored()
    {
        var pod = Objects.Pod("p", "1", new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "task", Uid = "u", Controller = false });

        OwnerMapping.ControllerOwner(pod, ResourceType.Of<V1ConfigMap>()).Should().BeEmpty();
    }

    [Test]
    public void An_owner_of_another_kind_is_ignored()
    {
        var pod = Objects.Pod("p", "1", new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "task", Uid = "u", Controller = true });

        OwnerMapping.ControllerOwner(pod, ResourceType.Of<V1ConfigMap>()).Should().BeEmpty();
    }

    [Test]
    public async Task A_failing_reconcile_is_retried_with_growing_backoff()
    {
        var reconciler = new ScriptedReconciler<V1ConfigMap>((_, call) => call <= 3 ? throw new InvalidOperationException("boom") : ReconcileResult.Done);
        var limiter = new ItemExponentialFailureRateLimiter<ObjectKey>(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));

        Start(reconciler, new ControllerOptions { RateLimiter = () => limiter });

        await Eventually.TrueAsync(() => reconciler.Seen.Count == 4, "three retries after three failures");
        await Eventually.TrueAsync(() => limiter.NumRequeues(TaskKey) == 0, "the success forgets the backoff");
    }

    [Test]
    public async Task Errors_are_counted_in_the_error_metric()
    {
        var reconciler = new ScriptedReconciler<V1ConfigMap>((_, call) => call == 1 ? throw new InvalidOperationException("boom") : ReconcileResult.Done);

        Start(reconciler);

        await Eventually.TrueAsync(() => reconciler.Seen.Count == 2, "one retry");
        var text = await RuntimeMetrics.ExportTextAsync(_registry);
        text.Should().Contain("controller_runtime_reconcile_errors_total{controller=\"test\"} 1");
    }

    [Test]
    public async Task RequeueAfter_reconciles_again_without_any_change()
    {
        var reconciler = new ScriptedReconciler<V1ConfigMap>((_, call) => call == 1 ? ReconcileResult.After(TimeSpan.FromMilliseconds(30)) : ReconcileResult.Done);

        Start(reconciler);

        await Eventually.TrueAsync(() => reconciler.Seen.Count == 2, "the requeue after the delay");
    }

    [Test]
    public async Task A_reconcile_replaces_the_timed_requeue_an_earlier_reconcile_asked_for()
    {
        var reconciler = new ScriptedReconciler<V1ConfigMap>((_, call) => call == 1 ? ReconcileResult.After(TimeSpan.FromHours(1)) : ReconcileResult.Done);
        var controller = Start(reconciler);
        await Eventually.TrueAsync(() => controller.Queue?.WaitingCount == 1, "the first reconcile's requeue in an hour");

        _sources.Source<V1Pod>().Send(WatchEventType.Added, Objects.Pod("task-agent", "2", Objects.ControllerRef(Objects.ConfigMap("task", "1"))));

        await Eventually.TrueAsync(() => reconciler.Seen.Count == 2, "the change is reconciled");
        await Eventually.TrueAsync(() => controller.Queue?.WaitingCount == 0, "the second reconcile, done, drops the hour's requeue");
    }

    [Test]
    public async Task One_key_is_never_reconciled_by_two_workers_at_once()
    {
        var reconciler = new ScriptedReconciler<V1ConfigMap> { WorkTime = TimeSpan.FromMilliseconds(5) };
        Start(reconciler, new ControllerOptions { MaxConcurrentReconciles = 8 });
        var source = _sources.Source<V1ConfigMap>();
        await Eventually.TrueAsync(() => reconciler.Seen.Count == 1, "the initial reconcile");

        for (var i = 2; i < 40; i++) source.Send(WatchEventType.Modified, Objects.ConfigMap("task", i.ToString()));

        await Eventually.TrueAsync(() => _factory.GetInformer<V1ConfigMap>().LastSyncResourceVersion == "39", "all updates delivered");
        await Eventually.TrueAsync(() => reconciler.Seen.Count >= 2, "reconciled again after the updates");
        reconciler.Overlapped.Should().BeFalse();
    }

    [Test]
    public async Task A_cancelled_controller_stops_reconciling()
    {
        var reconciler = new ScriptedReconciler<V1ConfigMap>();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var controller = ControllerBuilder.Create("test", _factory).For<V1ConfigMap>().WithMetrics(_registry).Build(reconciler);
        _factory.Start(_stop.Token);
        var running = controller.RunAsync(run.Token);
        await Eventually.TrueAsync(() => reconciler.Seen.Count == 1, "the initial reconcile");

        await run.CancelAsync();
        await running.WaitAsync(Eventually.Deadline);
        _sources.Source<V1ConfigMap>().Send(WatchEventType.Modified, Objects.ConfigMap("task", "5"));
        await Eventually.TrueAsync(() => _factory.GetInformer<V1ConfigMap>().LastSyncResourceVersion == "5", "the update is delivered");

        reconciler.Seen.Should().HaveCount(1);
        controller.Queue.Should().BeNull();
    }
}
