using Airlock.Api;
using Airlock.Runtime.Events;
using k8s.Models;

namespace Airlock.Runtime.Tests.Events;

public class SealedSignalRecorderTests
{
    private readonly SignalSeal _seal = SignalSeal.Generate();

    [Test]
    public async Task A_signal_is_a_warning_event_whose_seal_verifies()
    {
        var sink = new FakeEventSink();
        await using var recorder = new EventRecorder(sink, "airlock-egress");

        new SealedSignalRecorder(recorder, _seal).Record(Objects.ConfigMap("agent", "1", ns: "agents"), "EgressDenialsRepeated", "12 denied");

        await Eventually.TrueAsync(() => sink.Created.Count == 1, "the event is written");
        var e = sink.Created.Single();
        (e.Type, _seal.Verify(e).Problem).Should().Be((EventTypes.Warning, SignalSealProblem.None));
    }

    [Test]
    public async Task Repeats_aggregate_into_the_first_sealed_event()
    {
        var sink = new FakeEventSink();
        await using var recorder = new EventRecorder(sink, "airlock-gateway");
        var signals = new SealedSignalRecorder(recorder, _seal);

        for (var i = 0; i < 3; i++) signals.Record(Objects.ConfigMap("agent", "1", ns: "agents"), "AnomalyRequestSpike", "90 requests");

        await Eventually.TrueAsync(() => sink.Updates.Count == 2, "two count updates");
        sink.Created.Should().ContainSingle().Which.Metadata.Annotations.Should().ContainKey(AirlockAnnotations.SignalSeal);
    }

    [Test]
    public async Task An_object_without_a_uid_gets_no_signal()
    {
        var sink = new FakeEventSink();
        await using var recorder = new EventRecorder(sink, "airlock-egress");
        var task = Objects.ConfigMap("agent", "1", ns: "agents");
        task.Metadata.Uid = null;

        new SealedSignalRecorder(recorder, _seal).Record(task, "EgressDenialsRepeated", "12 denied");
        recorder.Record(Objects.ConfigMap("marker", "1"), EventTypes.Normal, "Marker", "written after the signal would be");

        await Eventually.TrueAsync(() => sink.Created.Count == 1, "the marker event is written");
        sink.Created.Single().Reason.Should().Be("Marker");
    }

    [Test]
    public async Task An_event_carries_the_annotations_it_was_recorded_with()
    {
        var sink = new FakeEventSink();
        await using var recorder = new EventRecorder(sink, "airlock-operator");

        recorder.Record(Objects.ConfigMap("task", "7"), EventTypes.Normal, "Created", "pod created", new Dictionary<string, string> { ["example.com/note"] = "kept" });

        await Eventually.TrueAsync(() => sink.Created.Count == 1, "the event is written");
        sink.Created.Single().Metadata.Annotations.Should().Equal(new Dictionary<string, string> { ["example.com/note"] = "kept" });
    }
}
