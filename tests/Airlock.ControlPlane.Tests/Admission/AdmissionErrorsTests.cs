using System.Text.Json.Nodes;
using Airlock.ControlPlane.Admission;

namespace Airlock.ControlPlane.Tests.Admission;

public class AdmissionErrorsTests
{
    [Test]
    public void A_denial_without_status_is_a_400_without_explanation()
    {
        var error = AdmissionErrors.Denied("policy.example.com", null);
        error.Code.Should().Be(400);
        error.Message.Should().Be("admission webhook \"policy.example.com\" denied the request without explanation");
    }

    [Test]
    public void A_denial_with_a_code_below_400_becomes_400() =>
        AdmissionErrors.Denied("w", new JsonObject { ["code"] = 200, ["message"] = "no" }).Code.Should().Be(400);

    [Test]
    public void A_denial_with_only_a_reason_uses_it_as_the_explanation() =>
        AdmissionErrors.Denied("w", new JsonObject { ["reason"] = "Because" }).Message
            .Should().Be("admission webhook \"w\" denied the request: Because");

    [Test]
    public void A_denial_keeps_the_webhook_code_and_reason()
    {
        var error = AdmissionErrors.Denied("w", new JsonObject { ["code"] = 422, ["reason"] = "Invalid", ["message"] = "bad" });
        (error.Code, error.Reason).Should().Be((422, "Invalid"));
    }

    [Test]
    public void A_failed_call_is_a_500_internal_error()
    {
        var error = AdmissionErrors.CallFailed("w", "failed to call webhook: boom");
        (error.Code, error.Reason).Should().Be((500, "InternalError"));
        error.Message.Should().Be("Internal error occurred: failed calling webhook \"w\": failed to call webhook: boom");
    }
}
