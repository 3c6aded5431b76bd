using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using static Airlock.ControlPlane.Tests.Admission.Webhooks;

namespace Airlock.ControlPlane.Tests.Admission;

public class WebhookFailureTests : WebhookFixture
{
    [Test]
    public async Task A_certificate_from_another_ca_refuses_the_request_under_fail()
    {
        Server.Handle(PathOf("tls"), r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("tls.example.com", Hook("tls"), OtherCa.CertificatePem));

        var act = () => Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ApiError>()).Which;
        error.Code.Should().Be(500);
        error.Reason.Should().Be("InternalError");
        error.Message.Should().StartWith("Internal error occurred: failed calling webhook \"tls.example.com\": ").And.Contain("x509");
        Server.RequestsTo(PathOf("tls")).Should().BeEmpty();
    }

    [Test]
    public async Task A_certificate_from_another_ca_is_skipped_under_ignore()
    {
        Server.Handle(PathOf("tls-ignore"), r => TestWebhookServer.Respond(r, allowed: false));
        Validating(Webhooks.Hook("tls.example.com", Hook("tls-ignore"), OtherCa.CertificatePem, failurePolicy: "Ignore"));

        var warnings = await Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        warnings.Should().BeEmpty();
        Server.RequestsTo(PathOf("tls-ignore")).Should().BeEmpty();
    }

    [Test]
    public async Task A_certificate_for_another_host_is_refused()
    {
        await using var misnamed = await TestWebhookServer.StartAsync(Ca, ["webhook.example.com"]);
        misnamed.Handle("hook", r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("host.example.com", misnamed.Url("hook"), Ca.CertificatePem));

        var act = () => Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        (await act.Should().ThrowAsync<ApiError>()).Which.Message.Should().Contain("not valid for 127.0.0.1");
        misnamed.Received.Should().BeEmpty();
    }

    [Test]
    public async Task A_webhook_slower_than_its_timeout_refuses_the_request_under_fail()
    {
        Server.Handle(PathOf("slow"), async (r, aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), aborted);
            return TestWebhookServer.Respond(r, allowed: true);
        });
        Validating(Webhooks.Hook("slow.example.com", Hook("slow"), Ca.CertificatePem, timeoutSeconds: 1));

        var act = () => Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        (await act.Should().ThrowAsync<ApiError>()).Which.Message.Should()
            .StartWith("Internal error occurred: failed calling webhook \"slow.example.com\"").And.Contain("context deadline exceeded");
    }

    [Test]
    public async Task A_service_reference_cannot_be_called_and_refuses_under_fail()
    {
        var hook = Webhooks.Hook("svc.example.com", Hook("unused"), Ca.CertificatePem);
        hook["clientConfig"] = new JsonObject
        {
            ["service"] = new JsonObject { ["namespace"] = "airlock-system", ["name"] = "airlock-webhooks", ["path"] = "/validate" },
            ["caBundle"] = hook["clientConfig"]!["caBundle"]!.DeepClone(),
        };
        Validating(hook);

        var act = () => Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        (await act.Should().ThrowAsync<ApiError>()).Which.Message.Should().Contain("airlock-system/airlock-webhooks");
    }

    [Test]
    public async Task A_response_for_another_request_uid_refuses_under_fail()
    {
        Server.Handle(PathOf("uid"), r =>
        {
            var response = TestWebhookServer.Respond(r, allowed: true);
            response["response"]!["uid"] = "not-the-request";
            return response;
        });
        Validating(Webhooks.Hook("uid.example.com", Hook("uid"), Ca.CertificatePem));

        var act = () => Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        (await act.Should().ThrowAsync<ApiError>()).Which.Message.Should().Contain("received invalid webhook response");
    }

    [Test]
    public async Task An_http_error_from_the_webhook_refuses_under_fail()
    {
        // No handler registered for this path: the server answers 404.
        Validating(Webhooks.Hook("missing.example.com", Hook("missing"), Ca.CertificatePem));

        var act = () => Controller.ValidateAsync(CreatePod(), CancellationToken.None);

        (await act.Should().ThrowAsync<ApiError>()).Which.Code.Should().Be(500);
    }

    [Test]
    public async Task A_failing_mutating_webhook_under_ignore_leaves_the_object_unchanged()
    {
        Mutating("mutating", Webhooks.Hook("broken.example.com", Hook("broken"), OtherCa.CertificatePem, failurePolicy: "Ignore"));
        var pod = Pod();

        var result = await Controller.MutateAsync(CreatePod(pod), CancellationToken.None);

        JsonNode.DeepEquals(result.Object, pod).Should().BeTrue();
    }

    [Test]
    public async Task A_dry_run_request_is_refused_by_a_webhook_with_side_effects()
    {
        Server.Handle(PathOf("effects"), r => TestWebhookServer.Respond(r, allowed: true));
        var hook = Webhooks.Hook("effects.example.com", Hook("effects"), Ca.CertificatePem);
        hook["sideEffects"] = "Unknown";
        Validating(hook);

        var act = () => Controller.ValidateAsync(CreatePod(dryRun: true), CancellationToken.None);

        (await act.Should().ThrowAsync<ApiError>()).Which.Message.Should().Be("admission webhook \"effects.example.com\" does not support dry run");
        Server.RequestsTo(PathOf("effects")).Should().BeEmpty();
    }
}
