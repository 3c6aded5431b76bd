using Airlock.Runtime.Informers;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Tests.Informers;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubernetesListWatchIntegrationTests : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private TestCluster? _cluster;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
        _stop.Dispose();
    }

    private async Task<(IKubernetes Client, string Namespace, SharedInformer<V1ConfigMap> Informer, RecordingHandler<V1ConfigMap> Handler)> StartAsync()
    {
        _cluster = await TestCluster.StartAsync();
        var ns = await _cluster.CreateNamespaceAsync();
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "before" } }, ns);
        var provider = new KubernetesListWatchProvider(_cluster.Client);
        var informer = new SharedInformer<V1ConfigMap>(provider.Create<V1ConfigMap>(new InformerScope(ns)));
        var handler = new RecordingHandler<V1ConfigMap>();
        informer.AddEventHandler(handler);
        _ = informer.RunAsync(_stop.Token);
        await informer.WaitForSyncAsync(_stop.Token).WaitAsync(Eventually.Deadline);
        return (_cluster.Client, ns, informer, handler);
    }

    [Test]
    public async Task The_informer_lists_existing_objects_from_the_api_server()
    {
        var (_, _, informer, _) = await StartAsync();

        informer.Cache.List().Select(o => o.Metadata.Name).Should().Equal("before");
    }

    [Test]
    public async Task The_informer_follows_creates_updates_and_deletes_through_the_watch()
    {
        var (client, ns, informer, handler) = await StartAsync();

        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "later" } }, ns);
        await Eventually.TrueAsync(() => informer.Cache.Get(ns, "later") is not null, "the created object is cached");
        var current = await client.CoreV1.ReadNamespacedConfigMapAsync("later", ns);
        current.Data = new Dictionary<string, string> { ["k"] = "v" };
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(current, "later", ns);
        await Eventually.TrueAsync(() => informer.Cache.Get(ns, "later")?.Data?.ContainsKey("k") == true, "the update is cached");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("before", ns);
        await Eventually.TrueAsync(() => informer.Cache.Get(ns, "before") is null, "the delete is applied");

        handler.Calls.Should().ContainInOrder("add before", "add later");
        handler.Calls.Should().Contain("delete before");
    }
}
