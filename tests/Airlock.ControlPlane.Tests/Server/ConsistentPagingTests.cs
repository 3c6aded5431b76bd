using Airlock.Testing;
using k8s;
using k8s.Models;
using static Airlock.Testing.TestConfigMaps;

namespace Airlock.ControlPlane.Tests.Server;

/// <summary>
/// Continue pages of a list are a consistent snapshot: they show the objects as they were when the first page was
/// served (the API server's resourceVersion in the continue token), whatever was written in between.
/// </summary>
public class ConsistentPagingTests : SharedClusterFixture
{
    [Test]
    public async Task A_continue_page_leaves_out_objects_created_after_the_first_page()
    {
        await using var ns = await FourConfigMapsAsync();
        var first = await PageAsync(ns.Name, null);
        await Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cm-9"), ns.Name);

        var rest = await PageAsync(ns.Name, first.Metadata.ContinueProperty);

        rest.Items.Select(c => c.Metadata.Name).Should().Equal("cm-2", "cm-3");
    }

    [Test]
    public async Task A_continue_page_shows_objects_as_they_were_at_the_first_page()
    {
        await using var ns = await FourConfigMapsAsync();
        var first = await PageAsync(ns.Name, null);
        var changed = await Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("cm-3", ns.Name);
        changed.Data["n"] = "1";
        await Cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(changed, "cm-3", ns.Name);

        var rest = await PageAsync(ns.Name, first.Metadata.ContinueProperty);

        rest.Items.Single(c => c.Metadata.Name == "cm-3").Data["n"].Should().Be("0");
    }

    [Test]
    public async Task A_continue_page_still_shows_objects_deleted_after_the_first_page()
    {
        await using var ns = await FourConfigMapsAsync();
        var first = await PageAsync(ns.Name, null);
        await Cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("cm-2", ns.Name);

        var rest = await PageAsync(ns.Name, first.Metadata.ContinueProperty);

        rest.Items.Select(c => c.Metadata.Name).Should().Equal("cm-2", "cm-3");
    }

    [Test]
    public async Task Every_page_carries_the_first_page_resourceVersion()
    {
        await using var ns = await FourConfigMapsAsync();
        var first = await PageAsync(ns.Name, null);
        await Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cm-9"), ns.Name);

        var rest = await PageAsync(ns.Name, first.Metadata.ContinueProperty);

        rest.Metadata.ResourceVersion.Should().Be(first.Metadata.ResourceVersion);
    }

    private async Task<TestNamespace> FourConfigMapsAsync()
    {
        var ns = await Cluster.CreateNamespaceAsync();
        await CreateNumberedAsync(Cluster.Client, ns.Name, 4);
        return ns;
    }

    private Task<V1ConfigMapList> PageAsync(string ns, string? token) =>
        Cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: token);
}
