using System.Text.Json.Nodes;
using Airlock.ControlPlane.Admission;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Resources;
using static Airlock.ControlPlane.Tests.Admission.Webhooks;

namespace Airlock.ControlPlane.Tests.Admission;

public class WebhookAdmissionTests
{
    private DevCertificateAuthority _ca = null!;
    private DevCertificateAuthority _otherCa = null!;
    private TestWebhookServer _server = null!;
    private InMemoryObjects _store = null!;
    private WebhookAdmission _admission = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _ca = DevCertificateAuthority.Create();
        _otherCa = DevCertificateAuthority.Create("someone-else");
        _server = await TestWebhookServer.StartAsync(_ca);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        _ca.Dispose();
        _otherCa.Dispose();
    }

    [SetUp]
    public void NewStore()
    {
        _store = new InMemoryObjects();
        _admission = new WebhookAdmission(_store);
    }

    private string Hook(string name) => _server.Url(name + "-" + TestContext.CurrentContext.Test.ID);

    private string PathOf(string name) => name + "-" + TestContext.CurrentContext.Test.ID;

    private void Validating(params JsonObject[] hooks) => _store.Put(BuiltinResources.ValidatingWebhookConfigurations, Configuration("validating", hooks));

    private void Mutating(string configuration, params JsonObject[] hooks) => _store.Put(BuiltinResources.MutatingWebhookConfigurations, Configuration(configuration, hooks));

    [Test]
    public async Task An_allowing_webhook_lets_the_request_through()
    {
        _server.Handle(PathOf("allow"), r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("allow.example.com", Hook("allow"), _ca.CertificatePem));

        var warnings = await _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        warnings.Should().BeEmpty();
        _server.RequestsTo(PathOf("allow")).Should().ContainSingle();
    }

    [Test]
    public async Task The_webhook_receives_an_admission_review_describing_the_request()
    {
        _server.Handle(PathOf("inspect"), r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("inspect.example.com", Hook("inspect"), _ca.CertificatePem));

        await _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        var request = _server.RequestsTo(PathOf("inspect")).Single();
        ((string?)request["operation"]).Should().Be("CREATE");
        ((string?)request["kind"]!["kind"]).Should().Be("Pod");
        ((string?)request["resource"]!["resource"]).Should().Be("pods");
        ((string?)request["namespace"]).Should().Be("team-a");
        ((string?)request["name"]).Should().Be("agent");
        ((string?)request["userInfo"]!["username"]).Should().Be("alice");
        ((string?)request["userInfo"]!["extra"]!["scopes.example.com"]![0]).Should().Be("read");
        ((string?)request["object"]!["metadata"]!["name"]).Should().Be("agent");
        ((string?)request["uid"]).Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task A_denial_carries_the_webhook_message_and_code()
    {
        _server.Handle(PathOf("deny"), r => TestWebhookServer.Respond(r, allowed: false,
            status: new JsonObject { ["code"] = 403, ["reason"] = "Forbidden", ["message"] = "images must come from ghcr.io/acme" }));
        Validating(Webhooks.Hook("deny.example.com", Hook("deny"), _ca.CertificatePem));

        var act = () => _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ApiError>()).Which;
        error.Code.Should().Be(403);
        error.Reason.Should().Be("Forbidden");
        error.Message.Should().Be("admission webhook \"deny.example.com\" denied the request: images must come from ghcr.io/acme");
    }

    [Test]
    public async Task A_mutating_webhook_patch_is_applied_to_the_object()
    {
        _server.Handle(PathOf("label"), r => TestWebhookServer.Respond(r, allowed: true,
            jsonPatch: """[{"op":"add","path":"/metadata/labels","value":{"airlock.dev/mutated":"yes"}}]"""));
        Mutating("mutating", Webhooks.Hook("label.example.com", Hook("label"), _ca.CertificatePem));

        var result = await _admission.MutateAsync(CreatePod(), CancellationToken.None);

        ((string?)result.Object!["metadata"]!["labels"]!["airlock.dev/mutated"]).Should().Be("yes");
    }

    [Test]
    public async Task Mutating_webhooks_run_in_order_each_seeing_the_previous_patch()
    {
        _server.Handle(PathOf("first"), r => TestWebhookServer.Respond(r, allowed: true,
            jsonPatch: """[{"op":"add","path":"/metadata/labels","value":{"step":"1"}}]"""));
        _server.Handle(PathOf("second"), r => TestWebhookServer.Respond(r, allowed: true,
            jsonPatch: """[{"op":"replace","path":"/metadata/labels/step","value":"2"}]"""));
        Mutating("a-config", Webhooks.Hook("first.example.com", Hook("first"), _ca.CertificatePem));
        Mutating("b-config", Webhooks.Hook("second.example.com", Hook("second"), _ca.CertificatePem));

        var result = await _admission.MutateAsync(CreatePod(), CancellationToken.None);

        ((string?)_server.RequestsTo(PathOf("second")).Single()["object"]!["metadata"]!["labels"]!["step"]).Should().Be("1");
        ((string?)result.Object!["metadata"]!["labels"]!["step"]).Should().Be("2");
    }

    [Test]
    public async Task A_request_outside_the_rules_is_not_sent()
    {
        _server.Handle(PathOf("cm"), r => TestWebhookServer.Respond(r, allowed: false));
        Validating(Webhooks.Hook("cm.example.com", Hook("cm"), _ca.CertificatePem, rules: PodRules(resource: "configmaps")));

        await _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        _server.RequestsTo(PathOf("cm")).Should().BeEmpty();
    }

    [Test]
    public async Task A_namespace_whose_labels_do_not_match_is_not_sent()
    {
        _store.Put(BuiltinResources.Namespaces, Namespace("team-a", "airlock.dev/enforce", "false"));
        _server.Handle(PathOf("ns"), r => TestWebhookServer.Respond(r, allowed: false));
        Validating(Webhooks.Hook("ns.example.com", Hook("ns"), _ca.CertificatePem, namespaceSelector: MatchLabels("airlock.dev/enforce", "true")));

        await _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        _server.RequestsTo(PathOf("ns")).Should().BeEmpty();
    }

    [Test]
    public async Task A_namespace_whose_labels_match_is_sent()
    {
        _store.Put(BuiltinResources.Namespaces, Namespace("team-a", "airlock.dev/enforce", "true"));
        _server.Handle(PathOf("ns-yes"), r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("ns.example.com", Hook("ns-yes"), _ca.CertificatePem, namespaceSelector: MatchLabels("airlock.dev/enforce", "true")));

        await _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        _server.RequestsTo(PathOf("ns-yes")).Should().ContainSingle();
    }

    [Test]
    public async Task An_object_whose_labels_do_not_match_is_not_sent()
    {
        _server.Handle(PathOf("obj"), r => TestWebhookServer.Respond(r, allowed: false));
        Validating(Webhooks.Hook("obj.example.com", Hook("obj"), _ca.CertificatePem, objectSelector: MatchLabels("app", "agent")));

        await _admission.ValidateAsync(CreatePod(Pod(labelKey: "app", labelValue: "other")), CancellationToken.None);

        _server.RequestsTo(PathOf("obj")).Should().BeEmpty();
    }

    [Test]
    public async Task A_certificate_from_another_ca_refuses_the_request_under_fail()
    {
        _server.Handle(PathOf("tls"), r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("tls.example.com", Hook("tls"), _otherCa.CertificatePem));

        var act = () => _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ApiError>()).Which;
        error.Code.Should().Be(500);
        error.Reason.Should().Be("InternalError");
        error.Message.Should().StartWith("Internal error occurred: failed calling webhook \"tls.example.com\": ").And.Contain("x509");
        _server.RequestsTo(PathOf("tls")).Should().BeEmpty();
    }

    [Test]
    public async Task A_certificate_from_another_ca_is_skipped_under_ignore()
    {
        _server.Handle(PathOf("tls-ignore"), r => TestWebhookServer.Respond(r, allowed: false));
        Validating(Webhooks.Hook("tls.example.com", Hook("tls-ignore"), _otherCa.CertificatePem, failurePolicy: "Ignore"));

        var warnings = await _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        warnings.Should().BeEmpty();
        _server.RequestsTo(PathOf("tls-ignore")).Should().BeEmpty();
    }

    [Test]
    public async Task A_certificate_for_another_host_is_refused()
    {
        await using var misnamed = await TestWebhookServer.StartAsync(_ca, ["webhook.example.com"]);
        misnamed.Handle("hook", r => TestWebhookServer.Respond(r, allowed: true));
        Validating(Webhooks.Hook("host.example.com", misnamed.Url("hook"), _ca.CertificatePem));

        var act = () => _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        (await act.Should().ThrowAsync<ApiError>()).Which.Message.Should().Contain("not valid for 127.0.0.1");
        misnamed.Received.Should().BeEmpty();
    }

    [Test]
    public async Task A_webhook_slower_than_its_timeout_refuses_the_request_under_fail()
    {
        _server.Handle(PathOf("slow"), async r =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return TestWebhookServer.Respond(r, allowed: true);
        });
        Validating(Webhooks.Hook("slow.example.com", Hook("slow"), _ca.CertificatePem, timeoutSeconds: 1));

        var act = () => _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        (await act.Should().ThrowAsync<ApiError>()).Which.Message.Should()
            .StartWith("Internal error occurred: failed calling webhook \"slow.example.com\"").And.Contain("context deadline exceeded");
    }

    [Test]
    public async Task Warnings_from_validating_webhooks_are_returned()
    {
        _server.Handle(PathOf("warn"), r => TestWebhookServer.Respond(r, allowed: true, warnings: ["image tag is mutable"]));
        Validating(Webhooks.Hook("warn.example.com", Hook("warn"), _ca.CertificatePem));

        var warnings = await _admission.ValidateAsync(CreatePod(), CancellationToken.None);

        warnings.Should().Equal("image tag is mutable");
    }

    [Test]
    public async Task Warnings_from_mutating_webhooks_are_returned()
    {
        _server.Handle(PathOf("mwarn"), r => TestWebhookServer.Respond(r, allowed: true, warnings: ["defaulted runtimeClassName"]));
        Mutating("mutating", Webhooks.Hook("mwarn.example.com", Hook("mwarn"), _ca.CertificatePem));

        var result = await _admission.MutateAsync(CreatePod(), CancellationToken.None);

        result.Warnings.Should().Equal("defaulted runtimeClassName");
    }
}
