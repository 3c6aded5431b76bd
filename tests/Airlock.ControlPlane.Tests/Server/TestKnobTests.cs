using Airlock.ControlPlane.Server;
using Airlock.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.ControlPlane.Tests.Server;

/// <summary>The local control plane's fault-injection knobs and request counters (local only).</summary>
public class TestKnobTests
{
    [Test]
    public async Task Injected_write_errors_fail_writes_with_the_chosen_status()
    {
        await using var cluster = await TestCluster.StartPrivateAsync(new LocalControlPlaneOptions { EnableKubelet = false });
        var local = cluster.RequireLocal();
        local.Knobs.WriteErrorRate = 1;
        local.Knobs.WriteErrorCode = 429;
        var act = () => cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, "default");
        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Injected_write_errors_leave_reads_alone()
    {
        await using var cluster = await TestCluster.StartPrivateAsync(new LocalControlPlaneOptions { EnableKubelet = false });
        var local = cluster.RequireLocal();
        local.Knobs.WriteErrorRate = 1;
        (await cluster.Client.CoreV1.ListNamespaceAsync()).Items.Should().NotBeEmpty();
    }

    [Test]
    public async Task Requests_are_counted_by_verb_resource_and_user()
    {
        await using var cluster = await TestCluster.StartPrivateAsync(new LocalControlPlaneOptions { EnableKubelet = false });
        var local = cluster.RequireLocal();
        await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        local.Counters.Get("list", "configmaps", "admin").Should().Be(2);
    }

    [Test]
    public async Task Watch_drop_knob_ends_watches_after_the_interval()
    {
        await using var cluster = await TestCluster.StartPrivateAsync(new LocalControlPlaneOptions { EnableKubelet = false });
        var local = cluster.RequireLocal();
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "seen" } }, "default");
        local.Knobs.WatchDropInterval = TimeSpan.FromMilliseconds(300);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var response = cluster.Client.CoreV1.WatchListNamespacedConfigMapAsync("default", cancellationToken: cts.Token);
        await foreach (var _ in response)
        {
            // The initial ADDED event, then the server ends the stream.
        }
        cts.IsCancellationRequested.Should().BeFalse("the server should have closed the watch before the test's own deadline");
    }
}
