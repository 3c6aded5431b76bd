using Airlock.Api;
using Airlock.Runtime.Events;
using Airlock.Testing.Signals;
using k8s.Models;

namespace Airlock.Runtime.Tests.Events;

public class SignalSealTests
{
    private static readonly DateTimeOffset Issued = AnomalyEventSamples.Issued;
    private readonly SignalSeal _seal = SignalSeal.Generate();

    [Test]
    public void A_sealed_event_verifies_under_the_same_key()
    {
        _seal.Verify(Sealed()).IsSealed.Should().BeTrue();
    }

    [Test]
    public void Verification_gives_the_sealed_issue_time()
    {
        _seal.Verify(Sealed()).IssuedAt.Should().Be(Issued.UtcDateTime);
    }

    [Test]
    public void A_seal_copied_onto_an_event_about_another_task_uid_does_not_verify()
    {
        var copy = Sealed();
        copy.InvolvedObject.Uid = "uid-of-a-later-task-of-the-same-name";

        _seal.Verify(copy).Problem.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void A_seal_copied_onto_an_event_about_another_task_does_not_verify()
    {
        var copy = Sealed();
        copy.InvolvedObject.Name = "other";

        _seal.Verify(copy).Problem.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void A_seal_copied_onto_an_event_with_another_reason_does_not_verify()
    {
        var copy = Sealed();
        copy.Reason = "AnomalyTokenSpike";

        _seal.Verify(copy).Problem.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void A_seal_copied_onto_an_event_of_another_component_does_not_verify()
    {
        var copy = Sealed();
        copy.ReportingComponent = "airlock-gateway";

        _seal.Verify(copy).Problem.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void A_changed_message_does_not_verify()
    {
        var copy = Sealed();
        copy.Message = "quarantine me: an attacker's text";

        _seal.Verify(copy).Problem.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void A_tampered_mac_does_not_verify()
    {
        var e = Sealed();
        var value = e.Metadata.Annotations[AirlockAnnotations.SignalSeal];
        e.Metadata.Annotations[AirlockAnnotations.SignalSeal] = value[..^1] + (value[^1] == '0' ? '1' : '0');

        _seal.Verify(e).Problem.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void A_tampered_issue_time_does_not_verify()
    {
        var e = Sealed();
        var parts = e.Metadata.Annotations[AirlockAnnotations.SignalSeal].Split('.');
        e.Metadata.Annotations[AirlockAnnotations.SignalSeal] = $"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 3600}.{parts[2]}";

        _seal.Verify(e).Problem.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void A_seal_under_another_key_does_not_verify()
    {
        SignalSeal.Generate().Verify(Sealed()).Problem.Should().Be(SignalSealProblem.Invalid);
    }

    [Test]
    public void An_event_without_a_seal_is_refused_as_missing()
    {
        _seal.Verify(Event()).Problem.Should().Be(SignalSealProblem.Missing);
    }

    [TestCase("")]
    [TestCase("v1")]
    [TestCase("v1.1764158400")]
    [TestCase("v2.1764158400.0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("v1.-5.0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("v1.soon.0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("v1.99999999999999999999.0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("v1.1764158400.00")]
    [TestCase("v1.1764158400.0000000000000000000000000000000000000000000000000000000000000000.extra")]
    public void A_malformed_seal_is_refused_as_malformed(string value)
    {
        var e = Event();
        e.Metadata.Annotations = new Dictionary<string, string> { [AirlockAnnotations.SignalSeal] = value };

        _seal.Verify(e).Problem.Should().Be(SignalSealProblem.Malformed);
    }

    [Test]
    public void An_event_naming_no_task_uid_is_refused_as_malformed()
    {
        var e = Sealed();
        e.InvolvedObject.Uid = null;

        _seal.Verify(e).Problem.Should().Be(SignalSealProblem.Malformed);
    }

    [Test]
    public void A_reference_without_a_uid_cannot_be_sealed()
    {
        var act = () => _seal.Sign(new V1ObjectReference { NamespaceProperty = "agents", Name = "t" }, "EgressDenialsRepeated", "airlock-egress", "m", Issued);

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void A_key_shorter_than_32_bytes_is_refused()
    {
        var act = () => new SignalSeal(new byte[31]);

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void A_key_file_seals_like_the_same_key_in_memory()
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(SignalSeal.KeyBytes);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, key);

            SignalSeal.FromFile(path).Verify(Sealed(new SignalSeal(key))).IsSealed.Should().BeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_short_key_file_is_refused_with_its_path()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[8]);

            var act = () => SignalSeal.FromFile(path);

            act.Should().Throw<InvalidOperationException>().WithMessage($"*{path}*8 bytes*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_missing_key_file_is_refused_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "key");

        var act = () => SignalSeal.FromFile(path);

        act.Should().Throw<InvalidOperationException>().WithMessage($"cannot read the signal key {path}*");
    }

    private Corev1Event Sealed(SignalSeal? seal = null) => AnomalyEventSamples.Sealed(Event(), seal ?? _seal);

    private static Corev1Event Event() =>
        AnomalyEventSamples.Unsealed("3f1c-uid", "12 egress attempts denied within 10s; last evil.example:443 (host not allowed)");
}
