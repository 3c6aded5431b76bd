using Airlock.Runtime.Events;

namespace Airlock.Runtime.Tests.Events;

public class EventRecorderTests
{
    [Test]
    public async Task An_event_names_the_object_reason_message_type_and_component()
    {
        var sink = new FakeEventSink();
        await using var recorder = new EventRecorder(sink, "airlock-operator");

        recorder.Record(Objects.ConfigMap("task", "7"), EventTypes.Warning, "PolicyDenied", "image not allowed");

        await Eventually.TrueAsync(() => sink.Created.Count == 1, "the event is written");
        var evt = sink.Created.Single();
        evt.InvolvedObject.Name.Should().Be("task");
        evt.InvolvedObject.Uid.Should().Be("task-uid");
        evt.Metadata.NamespaceProperty.Should().Be("default");
        (evt.Type, evt.Reason, evt.Message, evt.Source.Component).Should().Be((EventTypes.Warning, "PolicyDenied", "image not allowed", "airlock-operator"));
    }

    [Test]
    public async Task Repeats_of_the_same_event_increment_its_count_instead_of_creating_new_ones()
    {
        var sink = new FakeEventSink();
        await using var recorder = new EventRecorder(sink, "airlock-operator");
        var obj = Objects.ConfigMap("task", "7");

        for (var i = 0; i < 3; i++) recorder.Record(obj, EventTypes.Normal, "Created", "pod created");

        await Eventually.TrueAsync(() => sink.Updates.Count == 2, "two count updates");
        sink.Created.Should().ContainSingle();
        sink.Updates.Select(u => u.Count).Should().Equal(2, 3);
        sink.Updates.Select(u => u.Name).Should().AllBe(sink.Created.Single().Metadata.Name);
    }

    [Test]
    public async Task A_different_message_creates_a_separate_event()
    {
        var sink = new FakeEventSink();
        await using var recorder = new EventRecorder(sink, "airlock-operator");
        var obj = Objects.ConfigMap("task", "7");

        recorder.Record(obj, EventTypes.Normal, "Created", "pod created");
        recorder.Record(obj, EventTypes.Normal, "Created", "role created");

        await Eventually.TrueAsync(() => sink.Created.Count == 2, "two events");
        sink.Updates.Should().BeEmpty();
    }

    [Test]
    public async Task Events_beyond_the_rate_limit_are_dropped()
    {
        var sink = new FakeEventSink();
        await using var recorder = new EventRecorder(sink, "airlock-operator", new EventRecorderOptions { PerSecond = 0.001, Burst = 2 });
        var obj = Objects.ConfigMap("task", "7");

        for (var i = 0; i < 3; i++) recorder.Record(obj, EventTypes.Normal, "Step", "step " + i);

        await Eventually.TrueAsync(() => recorder.Dropped == 1, "the third event is dropped");
        sink.Created.Should().HaveCount(2);
    }
}
