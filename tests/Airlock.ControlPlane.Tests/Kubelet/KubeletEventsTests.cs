using Airlock.ControlPlane.Kubelet;

namespace Airlock.ControlPlane.Tests.Kubelet;

public class KubeletEventsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_event_points_at_its_pod_and_names_its_source()
    {
        var pod = TestPods.New();
        var e = KubeletEvents.Build(pod, new KubeletEvent("Normal", "Started", "Started container main", "kubelet"), "node-a", T0, 1);

        (e.InvolvedObject.Kind, e.InvolvedObject.Name, e.InvolvedObject.Uid).Should().Be(("Pod", "agent", "uid-agent"));
        e.Metadata.NamespaceProperty.Should().Be("team-a");
        (e.Source.Component, e.Source.Host).Should().Be(("kubelet", "node-a"));
        e.Count.Should().Be(1);
    }

    [Test]
    public void Events_recorded_at_the_same_instant_get_distinct_names()
    {
        var pod = TestPods.New();
        var started = new KubeletEvent("Normal", "Started", "m", "kubelet");
        KubeletEvents.Build(pod, started, "node-a", T0, 1).Metadata.Name
            .Should().NotBe(KubeletEvents.Build(pod, started, "node-a", T0, 2).Metadata.Name);
    }

    [Test]
    public void The_node_reports_ready_on_loopback()
    {
        var node = KubeletNode.Build(new KubeletOptions { NodeName = "n1" }, T0);
        KubeletNode.IsReady(node).Should().BeTrue();
        node.Status.Addresses.Should().Contain(a => a.Type == "InternalIP" && a.Address == "127.0.0.1");
    }
}
