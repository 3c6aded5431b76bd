using System.Globalization;
using Airlock.ControlPlane.Server;
using Airlock.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Airlock.Testing.TestConfigMaps;

namespace Airlock.ControlPlane.Tests.Server;

public class KubernetesClientTests : SharedClusterFixture
{
    [Test]
    public async Task Concurrent_increments_never_lose_an_update()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        var client = Cluster.Client;
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("counter"), ns.Name);
        const int workers = 6, increments = 8;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < increments; i++)
            {
                while (true)
                {
                    var cm = await client.CoreV1.ReadNamespacedConfigMapAsync("counter", ns.Name);
                    cm.Data["n"] = (int.Parse(cm.Data["n"], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                    try
                    {
                        await client.CoreV1.ReplaceNamespacedConfigMapAsync(cm, "counter", ns.Name);
                        break;
                    }
                    catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
                    {
                        // Lost the race: read again.
                    }
                }
            }
        })));
        var final = await client.CoreV1.ReadNamespacedConfigMapAsync("counter", ns.Name);
        final.Data["n"].Should().Be((workers * increments).ToString(CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task Update_with_a_stale_resourceVersion_is_409()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        var created = await Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cm"), ns.Name);
        await Cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(ConfigMap("cm", "1"), "cm", ns.Name);
        created.Data["n"] = "stale";
        var act = () => Cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "cm", ns.Name);
        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Paging_with_limit_and_continue_returns_every_item_once()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        await CreateNumberedAsync(Cluster.Client, ns.Name, 5);
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await Cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns.Name, limit: 2, continueParameter: token);
            names.AddRange(page.Items.Select(c => c.Metadata.Name));
            token = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(token));
        names.Should().Equal(Enumerable.Range(0, 5).Select(i => $"cm-{i}"));
    }

    [Test]
    public async Task Watch_sees_a_change_made_after_it_started()
    {
        await using var ns = await Cluster.CreateNamespaceAsync();
        var client = Cluster.Client;
        var list = await client.CoreV1.ListNamespacedConfigMapAsync(ns.Name);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watching = Task.Run(async () =>
        {
            var response = client.CoreV1.WatchListNamespacedConfigMapAsync(ns.Name, resourceVersion: list.Metadata.ResourceVersion,
                cancellationToken: cts.Token);
            await foreach (var (type, item) in response)
            {
                if (item.Metadata.Name == "watched") return type;
            }
            return (WatchEventType?)null;
        });
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("watched"), ns.Name);
        (await watching).Should().Be(WatchEventType.Added);
    }

    [Test]
    public async Task Watch_from_an_expired_resourceVersion_fails_with_410_and_a_relist_recovers()
    {
        await using var cluster = await TestCluster.StartPrivateAsync(new LocalControlPlaneOptions { WatchHistorySize = 5, EnableKubelet = false });
        cluster.RequireLocal();
        var client = cluster.Client;
        var old = (await client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await CreateNumberedAsync(client, "default", 10);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Exception? error = null;
        var expired = client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: old, onError: e => error = e, cancellationToken: cts.Token);
        await foreach (var _ in expired)
        {
            Assert.Fail("no object events are expected from an expired watch");
        }
        error.Should().BeOfType<KubernetesException>().Which.Status.Code.Should().Be(410);
        var relisted = await client.CoreV1.ListNamespacedConfigMapAsync("default");
        relisted.Items.Should().HaveCount(10);
        var resumed = client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: relisted.Metadata.ResourceVersion,
            cancellationToken: cts.Token);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("after"), "default");
        await foreach (var (_, item) in resumed)
        {
            item.Metadata.Name.Should().Be("after");
            break;
        }
    }
}
