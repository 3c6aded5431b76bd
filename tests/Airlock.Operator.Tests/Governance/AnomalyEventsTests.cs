using Airlock.Api;
using Airlock.Operator.Governance.Quarantine;
using Airlock.Runtime.Events;
using Airlock.Testing.Signals;
using k8s.Models;

namespace Airlock.Operator.Tests.Governance;

public class AnomalyEventsTests
{
    private static readonly DateTimeOffset Issued = AnomalyEventSamples.Issued;
    private readonly SignalSeal _seal = SignalSeal.Generate();

    [Test]
    public void A_sealed_anomaly_event_is_a_report_of_its_task_reason_and_component()
    {
        var report = AnomalyEvents.From(Sealed(), _seal, out _);

        report.Should().BeEquivalentTo(new AnomalyReport("agents", "agent", "uid-1", "airlock-egress", "EgressDenialsRepeated", "12 denied", Issued.UtcDateTime));
    }

    [Test]
    public void A_sealed_event_is_reported_at_its_sealed_issue_time_not_its_self_declared_timestamps()
    {
        var e = Sealed();
        e.LastTimestamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        AnomalyEvents.From(e, _seal, out _)!.Time.Should().Be(Issued.UtcDateTime);
    }

    [Test]
    public void An_unsealed_anomaly_event_is_refused_as_missing()
    {
        var report = AnomalyEvents.From(Event(), _seal, out var refused);

        (report, refused).Should().Be(((AnomalyReport?)null, SignalSealProblem.Missing));
    }

    [Test]
    public void An_anomaly_event_sealed_under_another_key_is_refused_as_invalid()
    {
        var report = AnomalyEvents.From(Sealed(SignalSeal.Generate()), _seal, out var refused);

        (report, refused).Should().Be(((AnomalyReport?)null, SignalSealProblem.Invalid));
    }

    [Test]
    public void A_sealed_event_copied_onto_another_task_is_refused_as_invalid()
    {
        var copy = Sealed();
        copy.InvolvedObject.Name = "victim";
        copy.InvolvedObject.Uid = "uid-of-the-victim";

        AnomalyEvents.From(copy, _seal, out var refused).Should().BeNull();
        refused.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void A_malformed_seal_is_refused_as_malformed()
    {
        var e = Event();
        e.Metadata.Annotations = new Dictionary<string, string> { [AirlockAnnotations.SignalSeal] = "trust-me" };

        AnomalyEvents.From(e, _seal, out var refused).Should().BeNull();
        refused.Should().Be(SignalSealProblem.Malformed);
    }

    [Test]
    public void Before_the_key_is_loaded_a_sealed_event_is_refused()
    {
        AnomalyEvents.From(Sealed(), seal: null, out var refused).Should().BeNull();
        refused.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void A_normal_event_is_neither_a_report_nor_a_refusal()
    {
        var e = Event();
        e.Type = EventTypes.Normal;

        AnomalyEvents.From(e, _seal, out var refused).Should().BeNull();
        refused.Should().Be(SignalSealProblem.None);
    }

    [Test]
    public void A_warning_with_a_reason_that_does_not_quarantine_is_neither_a_report_nor_a_refusal()
    {
        var e = Event();
        e.Reason = "AnomalyBudgetExhausted";

        AnomalyEvents.From(e, _seal, out var refused).Should().BeNull();
        refused.Should().Be(SignalSealProblem.None);
    }

    [Test]
    public void A_warning_about_another_kind_is_neither_a_report_nor_a_refusal()
    {
        var e = Event();
        e.InvolvedObject.Kind = "Pod";
        e.InvolvedObject.ApiVersion = "v1";

        AnomalyEvents.From(e, _seal, out var refused).Should().BeNull();
        refused.Should().Be(SignalSealProblem.None);
    }

    private Corev1Event Sealed(SignalSeal? seal = null) => AnomalyEventSamples.Sealed(Event(), seal ?? _seal);

    private static Corev1Event Event()
    {
        var e = AnomalyEventSamples.Unsealed();
        e.LastTimestamp = Issued.UtcDateTime.AddMinutes(5);
        return e;
    }
}
