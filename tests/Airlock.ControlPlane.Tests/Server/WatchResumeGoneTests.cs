using Airlock.ControlPlane.Server;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.ControlPlane.Tests.Server;

/// <summary>The <c>WatchResumeGone</c> knob: a watch the server cut answers its resumption with 410 Gone, once per cut.</summary>
public class WatchResumeGoneTests
{
    private static readonly TimeSpan Cut = TimeSpan.FromMilliseconds(300);

    [Test]
    public async Task A_cut_watch_resumed_from_its_resourceVersion_gets_410_gone()
    {
        await using var cluster = await StartAsync(resumeGone: true);
        var rv = await ListResourceVersionAsync(cluster);
        (await WatchUntilCutAsync(cluster, rv)).Should().BeNull("the first watch is not a resumption");

        var error = await WatchUntilCutAsync(cluster, rv);

        error.Should().BeOfType<KubernetesException>().Which.Status.Code.Should().Be(410);
    }

    [Test]
    public async Task Each_cut_answers_only_one_resumption_with_410()
    {
        await using var cluster = await StartAsync(resumeGone: true);
        var rv = await ListResourceVersionAsync(cluster);
        await WatchUntilCutAsync(cluster, rv);
        await WatchUntilCutAsync(cluster, rv);

        var again = await WatchUntilCutAsync(cluster, rv);

        again.Should().BeNull("the cut was answered with 410 once already");
    }

    [Test]
    public async Task Without_the_knob_a_cut_watch_resumes_normally()
    {
        await using var cluster = await StartAsync(resumeGone: false);
        var rv = await ListResourceVersionAsync(cluster);
        await WatchUntilCutAsync(cluster, rv);

        var error = await WatchUntilCutAsync(cluster, rv);

        error.Should().BeNull();
    }

    [Test]
    public async Task A_watch_with_other_selectors_is_not_a_resumption()
    {
        await using var cluster = await StartAsync(resumeGone: true);
        var rv = await ListResourceVersionAsync(cluster);
        await WatchUntilCutAsync(cluster, rv);

        var error = await WatchUntilCutAsync(cluster, rv, labelSelector: "app=cut");

        error.Should().BeNull();
    }

    [Test]
    public async Task Refused_resumptions_are_counted()
    {
        await using var cluster = await StartAsync(resumeGone: true);
        var rv = await ListResourceVersionAsync(cluster);
        await WatchUntilCutAsync(cluster, rv);
        await WatchUntilCutAsync(cluster, rv);

        cluster.RequireLocal().Knobs.ResumesRefused.Should().Be(1);
    }

    private static async Task<TestCluster> StartAsync(bool resumeGone)
    {
        var cluster = await TestCluster.StartPrivateAsync(new LocalControlPlaneOptions { EnableKubelet = false });
        var knobs = cluster.RequireLocal().Knobs;
        knobs.WatchDropInterval = Cut;
        knobs.WatchResumeGone = resumeGone;
        return cluster;
    }

    /// <summary>The resourceVersion to watch from: just before a ConfigMap is created, so every watch from it has an event to replay.</summary>
    private static async Task<string> ListResourceVersionAsync(TestCluster cluster)
    {
        var rv = (await cluster.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { GenerateName = "cm-", Labels = new Dictionary<string, string> { ["app"] = "cut" } },
        }, "default");
        return rv;
    }

    /// <summary>Watches ConfigMaps from <paramref name="rv"/> until the server ends the stream; returns the error it reported, if any.</summary>
    private static async Task<Exception?> WatchUntilCutAsync(TestCluster cluster, string rv, string? labelSelector = null)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Exception? error = null;
        var stream = cluster.Client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: rv, labelSelector: labelSelector,
            onError: e => error = e, cancellationToken: deadline.Token);
        await foreach (var _ in stream)
        {
            // The replayed ADDED event, then the server ends the stream at the cut (or it sends only a 410 ERROR).
        }
        deadline.IsCancellationRequested.Should().BeFalse("the server should have ended the watch before the test's own deadline");
        return error;
    }
}
